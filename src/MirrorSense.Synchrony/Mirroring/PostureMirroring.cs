using System.Collections.Immutable;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Preprocessing;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Mirroring;

/// <summary>
/// Posture mirroring (MEASURES.md §3): each aspect of A's posture (<see cref="PostureAspects"/>) against the same aspect
/// of B's mirror image (left and right swapped, sideways signs flipped) and, for contrast, of B as is, with the windowed
/// lagged correlation of §1 (signed, Fisher z) on descriptors averaged to <see cref="PostureMirroringOptions.AnalysisRate"/>
/// without their slow course.
/// <para>
/// Each aspect's best window-averaged similarity is put on the scale of its own chance: minus its mean, over its
/// spread, across rotations of B. The session statistic is the sum of these over the aspects (over the square root of
/// their number), so mirroring that several aspects show adds up, while an aspect that matches a lot by chance (hands
/// the model half guesses, a head turn read from a flat picture) or one coincidence in one aspect does not carry the
/// session. Significance: the same statistic on every rotation of B against A (each shift at most once, by more than
/// the lags searched; windows across a rotation's seam left out), which keeps each person's movement — its rhythm, its
/// holds, its sways — exactly as it was and breaks only its timing against the other.
/// </para>
/// <para>
/// The similarity reported, its lag and its windows are the aspects' weighted mean at each lag, each aspect weighted by
/// how far beyond chance it matched (over its spread), or all alike, over their spread, when none did.
/// </para>
/// </summary>
public sealed class PostureMirroring(PostureMirroringOptions options)
{
    // Windows of each rotation kept for the chance level of a single window (episodes): a few thousand in all is plenty
    // for a 95th percentile, and a long session's every window of every rotation would take gigabytes.
    private const int WindowsPerRotation = 20;

    public PostureMirroringOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public PostureMirroringResult Compute(PostureSeries session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var prepared = Prepared(session);
        var settings = new CrossCorrelationSettings(prepared.SampleRate, Options.LagSeconds, Options.WindowSeconds, Options.IncrementSeconds, fisherZ: true, absolute: false);
        var aspects = new PostureAspects(prepared.Schema);
        var correlator = new WindowCorrelator(settings);
        var mirrored = aspects.Similarities(prepared, settings, mirrored: true, correlator);
        var anatomical = aspects.Similarities(prepared, settings, mirrored: false, correlator);
        var rotations = Rotations(prepared, settings, aspects);
        var chance = AspectChance.Of([.. rotations.Select(r => r.ByLag)], aspects.Count);
        var weights = chance.Weights(ByLag(mirrored));

        var mirroredProfile = Profile(ByLag(mirrored), weights);
        var anatomicalProfile = Profile(ByLag(anatomical), weights);
        var best = Statistics.ArgMaxOfPresent(mirroredProfile.AsSpan());
        var bestLag = best < 0 ? double.NaN : settings.LagSecondsAt(best);
        var windows = ImmutableArray.CreateBuilder<PostureMirroringWindow>(mirrored[0].Length);
        for (var w = 0; w < mirrored[0].Length; w++)
        {
            var (start, end) = settings.WindowTimes(w, origin: default);
            windows.Add(new PostureMirroringWindow(w, start, end, Row(mirrored, w, weights), Row(anatomical, w, weights)));
        }

        return new PostureMirroringResult(
            best < 0 ? double.NaN : mirroredProfile[best],
            Max(anatomicalProfile),
            bestLag,
            SurrogateTest.LeaderAt(bestLag),
            rotations.Length == 0 || best < 0 ? double.NaN : PValue(mirrored, rotations, chance),
            mirroredProfile,
            anatomicalProfile,
            windows.MoveToImmutable())
        {
            SurrogateWindowBests = [.. rotations.SelectMany(r =>
            {
                var own = chance.Weights(r.ByLag);
                return Enumerable.Range(0, r.Windows[0].Length).Select(w => Max(Row(r.Windows, w, own)));
            })],
            Surrogates = rotations.Length,
            Settings = settings,
            Aspects = rotations.Length == 0 ? [] : [.. aspects.Names.Select((name, g) => new PostureAspectWeight(name, weights[g]))],
        };
    }

    /// <summary>
    /// The share of rotations whose statistic reaches the real alignment's, each compared with the real alignment over
    /// the windows it kept: a rotation without the windows across its seam averages fewer windows, whose best lag then
    /// stands out further by chance, so against all of the real windows the rotations would win too often and the test
    /// would miss mirroring that is there.
    /// </summary>
    private static double PValue(double[][][] real, Rotation[] rotations, AspectChance chance)
    {
        var atLeast = rotations.Count(r =>
        {
            var restricted = ByLag([.. real.Select(aspect => r.Kept.Select(w => aspect[w]).ToArray())]);
            return chance.Statistic(r.ByLag) >= chance.Statistic(restricted);
        });
        return (1.0 + atLeast) / (1.0 + rotations.Length);
    }

    /// <summary>The descriptors at the analysis rate, each without its own slow course.</summary>
    private PostureSeries Prepared(PostureSeries session)
    {
        var factor = Math.Max(1, (int)Math.Round(session.SampleRate / Options.AnalysisRate));
        var rate = session.SampleRate / factor;
        var times = Enumerable.Range(0, session.Length / factor).Select(i => i / rate).ToArray();
        ImmutableArray<double> Prepare(ImmutableArray<double> series)
        {
            var reduced = BlockMeans.Of(series.AsSpan(), factor);
            return Options.TrendSeconds > 0 ? [.. LocalCourse.Remove(times, reduced.AsSpan(), Options.TrendSeconds / 2)] : reduced;
        }

        return new PostureSeries(session.Name, session.Schema, rate, [.. session.A.Select(Prepare)], [.. session.B.Select(Prepare)]);
    }

    /// <summary>
    /// B rotated against A by every chosen shift: per aspect its window-averaged similarity at each lag, and a sample of
    /// its windows. Rotations that keep no window (every window spans the seam) are dropped.
    /// </summary>
    private Rotation[] Rotations(PostureSeries session, CrossCorrelationSettings settings, PostureAspects aspects)
    {
        if (Options.Surrogates <= 0)
            return [];
        var shortest = (int)Math.Ceiling(Math.Max(Options.ShortestShiftSeconds, Options.LagSeconds) * session.SampleRate);
        return CircularShifts.Choose(session.Length, shortest, Options.Surrogates, Options.Seed)
            .AsParallel().AsOrdered()
            .Select(shift =>
            {
                var rotated = session.WithSeries(session.A, [.. session.B.Select(c => Segments.Rotate(c, shift))]);
                var kept = PostureAspects.Kept(settings.WindowCount(session.Length), settings, seam: session.Length - shift);
                var similarities = aspects.Similarities(rotated, settings, mirrored: true, new WindowCorrelator(settings), kept);
                var step = Math.Max(1, (int)Math.Ceiling(kept.Length / (double)WindowsPerRotation));
                return new Rotation(ByLag(similarities), [.. similarities.Select(aspect => aspect.Where((_, w) => w % step == 0).ToArray())], kept);
            })
            .Where(r => r.Windows[0].Length > 0)
            .ToArray();
    }

    /// <summary>Per aspect, the mean z over windows at each lag.</summary>
    private static double[][] ByLag(double[][][] similarities)
    {
        var lags = similarities[0].Length == 0 ? 0 : similarities[0][0].Length;
        var column = new double[similarities[0].Length];
        return [.. similarities.Select(aspect =>
        {
            var profile = new double[lags];
            for (var l = 0; l < lags; l++)
            {
                for (var w = 0; w < column.Length; w++)
                    column[w] = aspect[w][l];
                profile[l] = Statistics.MeanOfPresent(column);
            }

            return profile;
        })];
    }

    /// <summary>The weighted mean over the aspects present at each lag, back to r.</summary>
    private static ImmutableArray<double> Profile(double[][] byLag, double[] weights) =>
        [.. Enumerable.Range(0, byLag[0].Length).Select(l => Combine(byLag, g => byLag[g][l], weights))];

    /// <summary>One window's weighted mean over aspects at each lag, back to r.</summary>
    private static ImmutableArray<double> Row(double[][][] similarities, int window, double[] weights) =>
        [.. Enumerable.Range(0, similarities[0][window].Length).Select(l => Combine(similarities, g => similarities[g][window][l], weights))];

    private static double Combine<T>(T[] aspects, Func<int, double> z, double[] weights)
    {
        double sum = 0, weight = 0;
        for (var g = 0; g < aspects.Length; g++)
        {
            var value = z(g);
            if (double.IsNaN(value) || weights[g] <= 0)
                continue;
            sum += weights[g] * value;
            weight += weights[g];
        }

        return weight > 0 ? Math.Tanh(sum / weight) : double.NaN;
    }

    internal static double Max(IReadOnlyList<double> values)
    {
        var best = double.NaN;
        foreach (var value in values)
        {
            if (!double.IsNaN(value) && (double.IsNaN(best) || value > best))
                best = value;
        }

        return best;
    }

    /// <param name="ByLag">Per aspect, the window-averaged z at each lag.</param>
    /// <param name="Windows">Per aspect, a sample of the rotation's windows (z at each lag).</param>
    /// <param name="Kept">The windows the rotation kept (those not across its seam).</param>
    private sealed record Rotation(double[][] ByLag, double[][][] Windows, int[] Kept);
}
