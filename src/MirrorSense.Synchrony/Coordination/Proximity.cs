using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Preprocessing;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Coordination;

/// <param name="LagSeconds">Largest lead or lag searched, both ways.</param>
/// <param name="WindowSeconds">Window of the lagged correlation of the two leans.</param>
/// <param name="IncrementSeconds">Step between windows.</param>
/// <param name="AnalysisRate">
/// Samples per second the leans are averaged down to: a lean changes over seconds, so 10 Hz keeps it and its lags to a
/// tenth of a second while the surrogates cost a ninth of the 30 Hz grid's.
/// </param>
/// <param name="TrendSeconds">
/// Each lean loses its own course slower than this, so both people settling towards each other over the session (or
/// slumping apart as it tires) is not read as one answering the other's moves.
/// </param>
/// <param name="ShortestShiftSeconds">Surrogates rotate B's lean by at least this much: longer than the lags searched and than a lean is held.</param>
/// <param name="Surrogates">Most circularly shifted sessions for the p-value and the episode baseline (each shift used once).</param>
/// <param name="Seed">Seed of the surrogates.</param>
/// <param name="EpisodeSeconds">Shortest run of windows above the surrogate baseline that counts as an episode.</param>
/// <param name="ASitsLeft">
/// Whether A sits on the viewer's left (false with <c>--swap</c>), which turns each sideways lean towards the partner.
/// With one camera per person there is no common picture: the leans are turned as if A sat on the left.
/// </param>
public sealed record ProximityOptions(
    double LagSeconds = 3,
    double WindowSeconds = 30,
    double IncrementSeconds = 10,
    double AnalysisRate = 10,
    double TrendSeconds = 20,
    double ShortestShiftSeconds = 8,
    int Surrogates = 100,
    int Seed = 1,
    double EpisodeSeconds = 60,
    bool ASitsLeft = true);

/// <summary>
/// Proximity (MEASURES.md §6): whether two people lean towards each other and away together. Each person's lean towards
/// the partner is their sideways lean signed so that positive points at the partner (<see cref="TowardsPartner"/>);
/// each loses its slow course, and the pair goes through the §1 engine (signed, Fisher z) within
/// ±<see cref="ProximityOptions.LagSeconds"/>. The session value is the highest over lags of the window-averaged
/// correlation (back to r), its lag the best lag (positive: B follows A). Surrogates rotate B's lean against A's (every
/// shift at most once, by more than the lags searched), keeping each person's leaning as it was and breaking only its
/// timing; windows across a surrogate's seam are left out.
/// <para>
/// Signed towards the partner, a disturbance of the picture (the camera rolls) tips one person towards the other and the
/// other away: it lowers the correlation instead of faking one. Forward lean is only a detail: from one 2-D camera its
/// depth is unreliable (and missing without depth). The distance between the two (<c>partner_distance</c>, shoulder
/// widths) and its change over the session are descriptive details: one series has nothing to be shifted against, so
/// they carry no p.
/// </para>
/// </summary>
public sealed class Proximity(ProximityOptions options)
{
    public ProximityOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>
    /// A sideways lean (degrees, positive towards the viewer's left: <see cref="Features.PostureDescriptor"/>) turned
    /// towards the partner: the lean of whoever sits on the viewer's left flips (their partner is to the viewer's
    /// right), the other's stays.
    /// </summary>
    public static double TowardsPartner(Participant who, double leanSideways, bool aSitsLeft = true) =>
        (who == Participant.A) == aSitsLeft ? -leanSideways : leanSideways;

    /// <param name="sideways">Both people's <c>lean_sideways</c> on one grid, NaN where a person was not seen.</param>
    /// <param name="forward">Both people's <c>lean_forward</c> on the same grid (NaN without depth).</param>
    /// <param name="distance">The <c>partner_distance</c> on the same grid (A's and B's alike), or null when not measured.</param>
    /// <param name="origin">Media time of the first sample.</param>
    /// <exception cref="InsufficientDataException">The session is shorter than one window.</exception>
    public CoordinationMeasure Compute(DyadSeries sideways, DyadSeries forward, DyadSeries? distance, MediaTime origin = default)
    {
        ArgumentNullException.ThrowIfNull(sideways);
        ArgumentNullException.ThrowIfNull(forward);
        if (forward.Length != sideways.Length || (distance is not null && distance.Length != sideways.Length))
            throw new ArgumentException($"The leans and the distance must lie on one grid; sideways has {sideways.Length} samples, forward {forward.Length}, distance {distance?.Length}.");
        var factor = Math.Max(1, (int)Math.Round(sideways.SampleRate / Options.AnalysisRate));
        var rate = sideways.SampleRate / factor;
        var a = BlockMeans.Of([.. sideways.A.Select(v => TowardsPartner(Participant.A, v, Options.ASitsLeft))], factor);
        var b = BlockMeans.Of([.. sideways.B.Select(v => TowardsPartner(Participant.B, v, Options.ASitsLeft))], factor);
        var settings = new CrossCorrelationSettings(rate, Options.LagSeconds, Options.WindowSeconds, Options.IncrementSeconds, fisherZ: true, absolute: false);
        if (settings.WindowCount(a.Length) <= 0)
            throw new InsufficientDataException(MeasureNames.Proximity, a.Length, settings);

        var times = Enumerable.Range(0, a.Length).Select(i => i / rate).ToArray();
        var leans = new DyadSeries(MeasureNames.Proximity, rate,
            [.. LocalCourse.Remove(times, a.AsSpan(), Options.TrendSeconds / 2)], [.. LocalCourse.Remove(times, b.AsSpan(), Options.TrendSeconds / 2)]);
        var matrix = WindowedCrossCorrelation.Compute(leans, settings);
        var real = LaggedProfile.Of(matrix);
        var shortest = (int)Math.Ceiling(Math.Max(Options.ShortestShiftSeconds, Options.LagSeconds) * rate);
        var rotations = CircularShifts.Choose(a.Length, shortest, Options.Surrogates, Options.Seed)
            .AsParallel().AsOrdered()
            .Select(shift => RotatedProfile.Of(leans, matrix, shift))
            .ToArray();
        var tested = rotations.Where(s => s.IsComparable).ToArray();
        var (windows, episodes) = SurrogateTest.Test(MeasureNames.Proximity, real.Windows(origin), tested.SelectMany(s => s.Profile.WindowBests), Options.EpisodeSeconds);
        var lags = LagSearch.Of(settings);
        var (change, changeR) = distance is null ? (double.NaN, double.NaN) : Trend(BlockMeans.Of(distance.A.AsSpan(), factor).AsSpan(), rate);
        return new CoordinationMeasure(
            MeasureNames.Proximity,
            real.Best,
            RotatedProfile.PValue(real.Best, tested),
            real.BestLagSeconds,
            SurrogateTest.LeaderAt(real.BestLagSeconds, lags),
            windows,
            episodes,
            [
                new("towards_lean_a", Statistics.MeanOfPresent(a.AsSpan())),
                new("towards_lean_b", Statistics.MeanOfPresent(b.AsSpan())),
                new("forward_lean_a", Statistics.MeanOfPresent(forward.A.AsSpan())),
                new("forward_lean_b", Statistics.MeanOfPresent(forward.B.AsSpan())),
                new("partner_distance", distance is null ? double.NaN : Statistics.MeanOfPresent(distance.A.AsSpan())),
                new("distance_change_per_minute", change),
                new("distance_change_r", changeR),
                new("surrogates", rotations.Length),
                // Windows across a rotation's seam are left out, so in a short session some rotations keep no window.
                new("tested_surrogates", tested.Length),
                new("p_floor", rotations.Length == 0 ? double.NaN : 1.0 / (1 + rotations.Length)),
            ])
        {
            Lags = lags,
            Matrix = CoordinationMeasure.MatrixOf(matrix, Math.Tanh, LagMatrixCells.Correlation),
        };
    }

    /// <summary>
    /// The least-squares line of the distance over the session: its slope in shoulder widths per minute (negative: the
    /// two came closer) and the correlation of distance with time. Descriptive: NaN with fewer than three present values.
    /// </summary>
    private static (double PerMinute, double R) Trend(ReadOnlySpan<double> distance, double rate)
    {
        double n = 0, sumT = 0, sumD = 0;
        for (var i = 0; i < distance.Length; i++)
        {
            if (double.IsNaN(distance[i]))
                continue;
            n++;
            sumT += i / rate / 60;
            sumD += distance[i];
        }

        if (n < 3)
            return (double.NaN, double.NaN);
        var (meanT, meanD) = (sumT / n, sumD / n);
        double tt = 0, dd = 0, td = 0;
        for (var i = 0; i < distance.Length; i++)
        {
            if (double.IsNaN(distance[i]))
                continue;
            var (t, d) = (i / rate / 60 - meanT, distance[i] - meanD);
            tt += t * t;
            dd += d * d;
            td += t * d;
        }

        return (td / tt, dd == 0 ? double.NaN : td / Math.Sqrt(tt * dd));
    }
}
