using System.Collections.Immutable;
using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Bench.Calibration;

/// <summary>
/// Designed <c>smile</c> signals of two people (<see cref="SmileSignal"/>), analysed as <c>mirrorsense analyze --face</c>
/// analyses the face stage's output: <see cref="CoordinationAnalysis"/> with the default settings computes smile mimicry.
/// These sessions begin at the signal, not at video: the face stage's own errors are not in them. Nulls (1–10 min):
/// independent smiling, both warming up over the session, a mood both share (lighter and more serious stretches),
/// a measurement disturbance both faces share (jitter and lighting steps), both faces lost at the same moments, and
/// pseudo-dyads. Effects (3 min): B answering A's smiles 1 s or 2 s later, and B's smile echoing 0.6 of A's.
/// Besides the session p, each of its two tests is reported (<c>smile_mimicry.continuous</c>, <c>.answered</c>).
/// </summary>
public sealed class FaceCorpus : ICalibrationCorpus
{
    private const string Continuous = MeasureNames.SmileMimicry + ".continuous";
    private const string Answered = MeasureNames.SmileMimicry + ".answered";

    public string Name => "face";

    public IEnumerable<CalibrationOutcome> Run(CalibrationPlan plan, TextWriter progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        var independent = new List<(double[] A, double[] B)>();
        for (var kindIndex = 0; kindIndex < SmileKind.All.Length; kindIndex++)
        {
            var kind = SmileKind.All[kindIndex];
            for (var k = 0; k < plan.SessionsPerKind; k++)
            {
                cancellation.ThrowIfCancellationRequested();
                var seed = plan.Seed * 100_000 + kindIndex * 1_000 + k;
                var random = new Random(seed);
                var (a, b) = kind == SmileKind.PseudoDyad ? Pair(independent, random) : kind.Build(random, kind.MinSeconds + (kind.MaxSeconds - kind.MinSeconds) * random.NextDouble());
                if (kind == SmileKind.Independent)
                    independent.Add((a, b));
                foreach (var outcome in Outcomes(kind, seed, a, b))
                    yield return outcome;
            }

            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  face: {kind.Name} done ({plan.SessionsPerKind} sessions)"));
        }
    }

    private static (double[] A, double[] B) Pair(List<(double[] A, double[] B)> independent, Random random)
    {
        if (independent.Count < 2)
            throw new InvalidOperationException("Pseudo-dyads need at least two independent sessions.");
        var i = random.Next(independent.Count);
        var j = random.Next(independent.Count - 1);
        if (j >= i)
            j++;
        var length = Math.Min(independent[i].A.Length, independent[j].B.Length);
        return (independent[i].A[..length], independent[j].B[..length]);
    }

    private static IEnumerable<CalibrationOutcome> Outcomes(SmileKind kind, int seed, double[] a, double[] b)
    {
        var smile = new DyadSeries(MeasureNames.SmileMimicry, SmileSignal.Rate, [.. a], [.. b]);
        var report = new CoordinationAnalysis(new CoordinationSettings()).Analyse(new SessionSignals(MediaTime.Zero, smile.Duration, null, null, null, null, smile));
        var measure = report.Measures.FirstOrDefault(m => m.Name == MeasureNames.SmileMimicry);
        var seconds = smile.Duration.TotalSeconds;
        yield return new CalibrationOutcome(MeasureNames.SmileMimicry, kind.Name, kind.IsNull, seed, seconds,
            measure?.PValue ?? double.NaN, measure?.BestLagSeconds ?? double.NaN, kind.DesignedLagSeconds, measure?.LagAtEdge ?? false);
        yield return new CalibrationOutcome(Continuous, kind.Name, kind.IsNull, seed, seconds, measure?.Detail("continuous_p") ?? double.NaN, double.NaN, double.NaN, false);
        yield return new CalibrationOutcome(Answered, kind.Name, kind.IsNull, seed, seconds, measure?.Detail("answered_p") ?? double.NaN, double.NaN, double.NaN, false);
    }
}

/// <summary>A kind of designed smile session: how long, whether anything couples the two people, and how it is built.</summary>
internal sealed record SmileKind(string Name, bool IsNull, double MinSeconds, double MaxSeconds, double DesignedLagSeconds, Func<Random, double, (double[] A, double[] B)> Build)
{
    private const double NullShortest = 60;
    private const double NullLongest = 600;
    private const double EffectSeconds = 180;

    public static SmileKind Independent { get; } = new("null:independent", true, NullShortest, NullLongest, double.NaN, (random, seconds) => Each(random, seconds, null, 1));

    /// <summary>Both people's smiles grow from 0.4 to 2 times their usual rate over the session, each at their own moments.</summary>
    public static SmileKind Warming { get; } = new("null:warming", true, NullShortest, NullLongest, double.NaN,
        (random, seconds) => Each(random, seconds, t => 0.4 + 1.6 * t / seconds, 2));

    /// <summary>
    /// Lighter and more serious stretches both live through (each about 40 s): both smile 2.5 times their usual rate in
    /// the light ones and 0.4 times in the serious ones. Smiling together by mood is not one answering the other.
    /// </summary>
    public static SmileKind SharedMood { get; } = new("null:shared-mood", true, NullShortest, NullLongest, double.NaN, (random, seconds) =>
    {
        var light = new List<(double From, double To)>();
        var isLight = random.NextDouble() < 0.5;
        for (var t = 0.0; t < seconds; isLight = !isLight)
        {
            var next = t + SmileHabit.Exponential(random, 40);
            if (isLight)
                light.Add((t, next));
            t = next;
        }

        return Each(random, seconds, t => light.Any(s => s.From <= t && t < s.To) ? 2.5 : 0.4, 2.5);
    });

    /// <summary>
    /// What the camera does to both faces at once: jitter both meshes share, and lighting changes that shift both
    /// mouths' readings for 5–20 s.
    /// </summary>
    public static SmileKind SharedDisturbance { get; } = new("null:shared-disturbance", true, NullShortest, NullLongest, double.NaN, (random, seconds) =>
    {
        var (a, b) = Each(random, seconds, null, 1);
        var shared = SmileSignal.Jitter(random, a.Length, 0.03);
        for (var t = SmileHabit.Exponential(random, 60); t < seconds; t += SmileHabit.Exponential(random, 60))
        {
            var step = 0.1 * (random.NextDouble() - 0.5);
            var end = Math.Min(shared.Length, (int)((t + 5 + 15 * random.NextDouble()) * SmileSignal.Rate));
            for (var i = (int)(t * SmileSignal.Rate); i < end; i++)
                shared[i] += step;
        }

        for (var i = 0; i < a.Length; i++)
        {
            a[i] += shared[i];
            b[i] += shared[i];
        }

        return (a, b);
    });

    /// <summary>Both faces lost together (someone walks through, the camera is knocked) every half minute or so, for 1–8 s.</summary>
    public static SmileKind LostTogether { get; } = new("null:faces-lost-together", true, NullShortest, NullLongest, double.NaN, (random, seconds) =>
    {
        var (a, b) = Each(random, seconds, null, 1);
        for (var t = SmileHabit.Exponential(random, 30); t < seconds; t += SmileHabit.Exponential(random, 30))
        {
            var lasting = 1 + 7 * random.NextDouble();
            SmileSignal.Lose(a, t, lasting);
            SmileSignal.Lose(b, t, lasting);
        }

        return (a, b);
    });

    /// <summary>A of one independent session with B of another, cut to the shorter (built from the independent ones).</summary>
    public static SmileKind PseudoDyad { get; } = new("null:pseudo-dyad", true, NullShortest, NullLongest, double.NaN, (_, _) => throw new InvalidOperationException("Pseudo-dyads are paired, not built."));

    public static ImmutableArray<SmileKind> All { get; } =
    [
        Independent, Warming, SharedMood, SharedDisturbance, LostTogether, PseudoDyad,
        Answering("effect:answers-1s-0.6", 0.6, 1, 0.2),
        Answering("effect:answers-2s-0.4", 0.4, 2, 0.4),
        new("effect:echo-1s-0.6", false, EffectSeconds, EffectSeconds, 1, (random, seconds) =>
        {
            // B's smile is 0.6 of A's a second earlier on top of B's own smiling (the partial coupling of MEASURES.md §5).
            var habitA = SmileHabit.Draw(random);
            var habitB = SmileHabit.Draw(random);
            var smilesA = habitA.Smiles(random, seconds).ToArray();
            var a = SmileSignal.Render(random, seconds, habitA, smilesA);
            var b = SmileSignal.Render(random, seconds, habitB, [.. habitB.Smiles(random, seconds), .. smilesA.Select(s => s with { Start = s.Start + 1, Height = 0.6 * s.Height })]);
            return (a, b);
        }),
    ];

    /// <summary>B answers each of A's smiles with probability <paramref name="share"/>, <paramref name="lag"/> ± <paramref name="spread"/> s later, and smiles on their own besides.</summary>
    private static SmileKind Answering(string name, double share, double lag, double spread) => new(name, false, EffectSeconds, EffectSeconds, lag, (random, seconds) =>
    {
        var habitA = SmileHabit.Draw(random);
        var habitB = SmileHabit.Draw(random);
        var smilesA = habitA.Smiles(random, seconds).ToArray();
        var answers = smilesA.Where(_ => random.NextDouble() < share).Select(s => habitB.Next(random, s.Start + lag + spread * SmileSignal.Gaussian(random))).ToArray();
        return (SmileSignal.Render(random, seconds, habitA, smilesA), SmileSignal.Render(random, seconds, habitB, [.. habitB.Smiles(random, seconds), .. answers]));
    });

    private static (double[] A, double[] B) Each(Random random, double seconds, Func<double, double>? rateFactor, double highestFactor)
    {
        var habitA = SmileHabit.Draw(random);
        var habitB = SmileHabit.Draw(random);
        return (SmileSignal.Render(random, seconds, habitA, habitA.Smiles(random, seconds, rateFactor, highestFactor)),
            SmileSignal.Render(random, seconds, habitB, habitB.Smiles(random, seconds, rateFactor, highestFactor)));
    }
}
