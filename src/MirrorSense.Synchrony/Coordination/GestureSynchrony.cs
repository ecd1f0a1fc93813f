using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Coordination;

/// <param name="LagSeconds">Largest lead or lag searched, both ways.</param>
/// <param name="WindowSeconds">Window of the lagged correlation.</param>
/// <param name="IncrementSeconds">Step between windows.</param>
/// <param name="Surrogates">Most rotations of B for the p-value and the episode baseline (each shift used once).</param>
/// <param name="Seed">Seed of the surrogates.</param>
/// <param name="EpisodeSeconds">Shortest run of windows above the surrogate baseline that counts as an episode.</param>
/// <param name="ShortestShiftSeconds">Rotations shift B by at least this much (and by more than the lags searched).</param>
public sealed record GestureSynchronyOptions(
    double LagSeconds = 5,
    double WindowSeconds = 30,
    double IncrementSeconds = 15,
    int Surrogates = 100,
    int Seed = 1,
    double EpisodeSeconds = 60,
    double ShortestShiftSeconds = 8);

/// <summary>
/// Gesture synchrony (MEASURES.md §3): the rMEA engine of §1 (absolute values, Fisher z) on the two
/// participants' motion energy, so its numbers are exactly those of <c>mirrorsense sync</c> on the same
/// series. The session value is rMEA's grand mean; each window's value is its <c>all_lags</c> mean; the
/// leader is the participant whose lead side correlates more (s1_lead vs s2_lead), when the median best
/// lag points the same way. Significance: the grand mean against that of B rotated against A (each shift at most once,
/// by more than the lags searched), each rotation compared with the real alignment over the windows it keeps (those not
/// across its seam). A rotation keeps B's movement exactly as it was — its bursts, its stills, a stretch out of view —
/// and breaks only its timing against A. rMEA's segment shuffle stays available in <c>mirrorsense sync</c>; here it is
/// not used because its many seams make absolute correlations smaller than unbroken independent stretches give; nor are
/// phase-randomised twins of B (used before), which on real pose let a one-frame flicker both people share and a person
/// leaving and returning pass as synchrony (5 of 35 independent sessions; rotations: none).
/// </summary>
public sealed class GestureSynchrony(GestureSynchronyOptions options)
{
    public GestureSynchronyOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public CrossCorrelationSettings Settings(double sampleRate) =>
        new(sampleRate, Options.LagSeconds, Options.WindowSeconds, Options.IncrementSeconds);

    /// <exception cref="InsufficientDataException">The session is shorter than one window.</exception>
    public CoordinationMeasure Compute(DyadSeries motionEnergy, MediaTime origin = default)
    {
        ArgumentNullException.ThrowIfNull(motionEnergy);
        var settings = Settings(motionEnergy.SampleRate);
        var real = WindowedCrossCorrelation.Compute(motionEnergy, settings);
        var lags = LagSearch.Of(settings);
        var shortest = (int)Math.Ceiling(Math.Max(Options.ShortestShiftSeconds, Options.LagSeconds) * motionEnergy.SampleRate);
        var surrogates = CircularShifts.Choose(motionEnergy.Length, shortest, Options.Surrogates, Options.Seed)
            .AsParallel().AsOrdered()
            .Select(shift =>
            {
                // A rotation's window × lag matrix is dropped as soon as it is read: 100 of them would hold ~230 MB for
                // a four-hour session.
                var seam = motionEnergy.Length - shift;
                var rotated = WindowedCrossCorrelation.Compute(motionEnergy.WithSeries(motionEnergy.A, Segments.Rotate(motionEnergy.B, shift)), settings);
                var kept = rotated.Windows.Where(w => !CircularShifts.SpansSeam(w.Index, settings, seam)).Select(w => w.Index).ToArray();
                return (GrandMean: GrandMean(rotated, kept), Real: GrandMean(real, kept), WindowValues: kept.Select(w => rotated.Windows[w].Summary.AllLags).ToArray());
            })
            .Where(s => s.WindowValues.Length > 0)
            .ToArray();

        var (windows, episodes) = SurrogateTest.Test(
            MeasureNames.GestureSynchrony,
            real.Windows.Select(w => new MeasureWindow(
                Shift(w.Start, origin), Shift(w.End, origin), w.Summary.AllLags, w.Summary.BestLagSeconds, LeaderOf(w.Summary.S1Lead, w.Summary.S2Lead, w.Summary.BestLagSeconds, lags))),
            surrogates.SelectMany(s => s.WindowValues),
            Options.EpisodeSeconds);
        var summary = real.Summary;
        return new CoordinationMeasure(
            MeasureNames.GestureSynchrony,
            summary.GrandMean,
            double.IsNaN(summary.GrandMean) ? double.NaN : SurrogateTest.PValue([.. surrogates.Select(s => (s.GrandMean, s.Real))]),
            summary.BestLagMedianSeconds,
            LeaderOf(summary.S1LeadMean, summary.S2LeadMean, summary.BestLagMedianSeconds, lags),
            windows,
            episodes,
            [
                new("lag0_mean", summary.Lag0Mean),
                new("all_lags_mean", summary.AllLagsMean),
                new("s1_lead_mean", summary.S1LeadMean),
                new("s2_lead_mean", summary.S2LeadMean),
                new("missing_windows", summary.MissingWindows),
                new("surrogates", surrogates.Length),
                new("p_floor", surrogates.Length > 0 ? 1.0 / (surrogates.Length + 1) : double.NaN),
            ])
        {
            Lags = lags,
            Matrix = CoordinationMeasure.MatrixOf(real),
        };
    }

    /// <summary>rMEA's grand mean (every present cell) over the given windows only.</summary>
    private static double GrandMean(CrossCorrelationResult result, int[] windows)
    {
        var mean = new Statistics.RunningMean();
        foreach (var w in windows)
        {
            foreach (var value in result.Windows[w].Values)
                mean.Add(value);
        }

        return mean.Mean;
    }

    private static MediaTime Shift(MediaTime time, MediaTime origin) => new(time.Microseconds + origin.Microseconds);

    /// <summary>A leads when the side of the lags where A leads correlates more and the best lag agrees.</summary>
    private static Participant? LeaderOf(double s1Lead, double s2Lead, double bestLagSeconds, LagSearch lags)
    {
        var byLag = SurrogateTest.LeaderAt(bestLagSeconds, lags);
        if (double.IsNaN(s1Lead) || double.IsNaN(s2Lead) || s1Lead == s2Lead)
            return null;
        var bySide = s1Lead > s2Lead ? Participant.A : Participant.B;
        return byLag == bySide ? bySide : null;
    }
}
