using System.Collections.Immutable;
using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Bench.Calibration;

/// <summary>
/// Designed lean signals of two people (<see cref="LeanHabit"/>), turned into what the body features hold —
/// <c>lean_sideways</c> (A sits on the viewer's left, so A's lean towards B is negative), <c>lean_forward</c> and
/// <c>partner_distance</c> — and measured by <see cref="Proximity"/> with analyze's default settings. These sessions
/// begin at the features, not at video: the pose model's own errors are not in them, and posture mirroring is not run
/// on them (it would see only two of its components). Nulls (1–10 min): independent leans, both drifting towards each
/// other over the session, a camera that rolls under both (the same angle added to both raw sideways leans), both lost
/// together, and pseudo-dyads. Effects (3 min): B's lean towards A is 0.6 of A's towards B 1 s earlier, or 0.4 of it
/// 2 s earlier, over B's own.
/// </summary>
public sealed class ProximityCorpus : ICalibrationCorpus
{
    public string Name => "proximity";

    public IEnumerable<CalibrationOutcome> Run(CalibrationPlan plan, TextWriter progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        var independent = new List<LeanSession>();
        var options = new CoordinationSettings().WithSeed(plan.Seed).Proximity;
        for (var kindIndex = 0; kindIndex < LeanKind.All.Length; kindIndex++)
        {
            var kind = LeanKind.All[kindIndex];
            if (!plan.Includes(kind.Name) || (kind == LeanKind.PseudoDyad && independent.Count < 2))
                continue;
            for (var k = 0; k < plan.SessionsPerKind; k++)
            {
                cancellation.ThrowIfCancellationRequested();
                var seed = plan.Seed * 100_000 + kindIndex * 1_000 + k;
                var random = new Random(seed);
                var session = kind == LeanKind.PseudoDyad ? Pair(independent, random) : kind.Build(random, kind.MinSeconds + (kind.MaxSeconds - kind.MinSeconds) * random.NextDouble());
                if (kind == LeanKind.Independent)
                    independent.Add(session);
                var measure = new Proximity(options).Compute(session.Sideways, session.Forward, session.Distance);
                yield return new CalibrationOutcome(MeasureNames.Proximity, kind.Name, kind.IsNull, seed, session.Sideways.Duration.TotalSeconds,
                    measure.PValue, measure.BestLagSeconds, kind.DesignedLagSeconds, measure.LagAtEdge);
            }

            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  proximity: {kind.Name} done ({plan.SessionsPerKind} sessions)"));
        }
    }

    private static LeanSession Pair(List<LeanSession> independent, Random random)
    {
        var (a, b) = PseudoDyadPartners.Draw(independent, random);
        var length = Math.Min(a.Sideways.Length, b.Sideways.Length);
        DyadSeries Cut(DyadSeries first, DyadSeries second) => new(first.Name, first.SampleRate, first.A[..length], second.B[..length]);
        return new LeanSession(Cut(a.Sideways, b.Sideways), Cut(a.Forward, b.Forward), Cut(a.Distance, b.Distance));
    }
}

/// <summary>Both people's features as analyze hands them to proximity, 30 per second, NaN where a person was lost.</summary>
internal sealed record LeanSession(DyadSeries Sideways, DyadSeries Forward, DyadSeries Distance);

/// <summary>A kind of designed lean session: how long, whether anything couples the two, and how it is built.</summary>
internal sealed record LeanKind(string Name, bool IsNull, double MinSeconds, double MaxSeconds, double DesignedLagSeconds, Func<Random, double, LeanSession> Build)
{
    private const double NullShortest = 60;
    private const double NullLongest = 600;
    private const double EffectSeconds = 180;

    public static LeanKind Independent { get; } = Null("null:independent", (random, seconds) => Session(random, seconds, (a, b) => (a, b)));

    /// <summary>Both lean 3–8° further towards the other by the end of the session (and come a shoulder width closer), each wandering on their own.</summary>
    public static LeanKind DriftingCloser { get; } = Null("null:drifting-closer", (random, seconds) =>
    {
        var by = 3 + 5 * random.NextDouble();
        double Trend(int i) => by * i / (seconds * LeanSignal.Rate);
        return Session(random, seconds, (a, b) => ([.. a.Select((v, i) => v + Trend(i))], [.. b.Select((v, i) => v + Trend(i))]), closing: 1);
    });

    /// <summary>
    /// A camera that sways 0.5–2° over 3–15 s and now and then settles up to 4° differently: the same angle lands on
    /// both raw sideways leans, so one person seems to lean towards the other and the other away.
    /// </summary>
    public static LeanKind CameraRoll { get; } = Null("null:camera-roll", (random, seconds) =>
    {
        var length = (int)(seconds * LeanSignal.Rate);
        var (sway, period, phase) = (0.5 + 1.5 * random.NextDouble(), 3 + 12 * random.NextDouble(), 2 * Math.PI * random.NextDouble());
        var roll = new double[length];
        var step = 0.0;
        for (var i = 0; i < length; i++)
        {
            if (random.NextDouble() < 1 / (30 * LeanSignal.Rate))
                step = 8 * (random.NextDouble() - 0.5);
            roll[i] = step + sway * Math.Sin(phase + 2 * Math.PI * i / LeanSignal.Rate / period);
        }

        return Session(random, seconds, (a, b) => (a, b), roll: roll);
    });

    /// <summary>Both people lost at once (someone walks through, the camera is knocked) every half minute or so, for 1–8 s.</summary>
    public static LeanKind LostTogether { get; } = Null("null:lost-together", (random, seconds) =>
    {
        var session = Session(random, seconds, (a, b) => (a, b));
        var lost = new List<(double Start, double Seconds)>();
        for (var t = SmileHabit.Exponential(random, 30); t < seconds; t += SmileHabit.Exponential(random, 30))
            lost.Add((t, 1 + 7 * random.NextDouble()));
        DyadSeries Lose(DyadSeries series)
        {
            var (a, b) = (series.A.ToArray(), series.B.ToArray());
            foreach (var (start, lasting) in lost)
            {
                SmileSignal.Lose(a, start, lasting);
                SmileSignal.Lose(b, start, lasting);
            }

            return series.WithSeries([.. a], [.. b]);
        }

        return new LeanSession(Lose(session.Sideways), Lose(session.Forward), Lose(session.Distance));
    });

    /// <summary>A of one independent session with B of another, cut to the shorter (built from the independent ones).</summary>
    public static LeanKind PseudoDyad { get; } = Null("null:pseudo-dyad", (_, _) => throw new InvalidOperationException("Pseudo-dyads are paired, not built."));

    public static ImmutableArray<LeanKind> All { get; } =
    [
        Independent, DriftingCloser, CameraRoll, LostTogether, PseudoDyad,
        Copying("effect:copies-1s-0.6", 0.6, 1),
        Copying("effect:copies-2s-0.4", 0.4, 2),
    ];

    private static LeanKind Null(string name, Func<Random, double, LeanSession> build) => new(name, true, NullShortest, NullLongest, double.NaN, build);

    /// <summary>B's lean towards A is <paramref name="weight"/> of A's towards B <paramref name="lag"/> s earlier, over B's own (MEASURES.md §5's partial coupling).</summary>
    private static LeanKind Copying(string name, double weight, double lag) => new(name, false, EffectSeconds, EffectSeconds, lag, (random, seconds) =>
        Session(random, seconds, (a, b) =>
        {
            var earlier = LeanSignal.Delayed(a, lag);
            return (a, [.. b.Select((v, i) => v + weight * earlier[i])]);
        }));

    /// <summary>
    /// Two people each leaning on their own, <paramref name="couple"/> applied to their leans towards each other, then
    /// measured: the camera's <paramref name="roll"/> added to both raw sideways leans, the tracker's jitter and losses
    /// added per person. Forward leans wander on their own; the distance is about 3 shoulder widths, following how far
    /// both lean towards each other, closing by <paramref name="closing"/> over the session.
    /// </summary>
    private static LeanSession Session(Random random, double seconds, Func<double[], double[], (double[] A, double[] B)> couple, double[]? roll = null, double closing = 0)
    {
        var (habitA, habitB) = (LeanHabit.Draw(random), LeanHabit.Draw(random));
        var (towardsA, towardsB) = couple(habitA.Own(random, seconds), habitB.Own(random, seconds));
        var length = towardsA.Length;
        var rawA = towardsA.Select((v, i) => Proximity.TowardsPartner(Participant.A, v) + (roll?[i] ?? 0)).ToArray();
        var rawB = towardsB.Select((v, i) => Proximity.TowardsPartner(Participant.B, v) + (roll?[i] ?? 0)).ToArray();
        var sidewaysA = habitA.Measured(random, rawA, seconds);
        var sidewaysB = habitB.Measured(random, rawB, seconds);
        var forwardA = habitA.Measured(random, habitA.Own(random, seconds), seconds);
        var forwardB = habitB.Measured(random, habitB.Own(random, seconds), seconds);
        // Leaning 10° towards each other brings the mid-shoulder points about a third of a shoulder width closer each.
        var distance = Enumerable.Range(0, length)
            .Select(i => double.IsNaN(sidewaysA[i]) || double.IsNaN(sidewaysB[i]) ? double.NaN
                : 3 - closing * i / (double)length - 0.03 * (towardsA[i] + towardsB[i]) + 0.02 * SmileSignal.Gaussian(random))
            .ToImmutableArray();
        return new LeanSession(
            new DyadSeries("lean_sideways", LeanSignal.Rate, [.. sidewaysA], [.. sidewaysB]),
            new DyadSeries("lean_forward", LeanSignal.Rate, [.. forwardA], [.. forwardB]),
            new DyadSeries("partner_distance", LeanSignal.Rate, distance, distance));
    }
}
