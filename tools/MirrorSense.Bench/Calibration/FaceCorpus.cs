using System.Collections.Immutable;
using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Bench.Calibration;

/// <summary>
/// Designed face signals of two people, each person's <c>smile</c> (<see cref="SmileSignal"/>) and
/// <c>looking_at_partner</c> (<see cref="GazeHabit"/>), analysed as <c>mirrorsense analyze --face</c> analyses the face
/// stage's output: <see cref="CoordinationAnalysis"/> with the default settings computes smile mimicry, mutual gaze and
/// nod reciprocity.
/// These sessions begin at the signals, not at video: the face stage's own errors are not in them. Nulls (1–10 min):
/// independent faces, both warming up over the session, a mood both share (lighter and more serious stretches), a
/// measurement disturbance both faces share (jitter and lighting steps), both faces lost at the same moments, and
/// pseudo-dyads. Effects (3 min): B answering A's smiles 1 s or 2 s later, B's smile echoing 0.6 of A's, B
/// returning A's looks, and B nodding back after A's nods. An effect on one channel is a null for the others. Nods are
/// designed as events (a Poisson process per person, following the same warming and mood as the smiles). Besides the session p of smile mimicry,
/// each of its two tests is reported (<c>smile_mimicry.continuous</c>, <c>.answered</c>).
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
        var independent = new List<FaceSession>();
        for (var kindIndex = 0; kindIndex < FaceKind.All.Length; kindIndex++)
        {
            var kind = FaceKind.All[kindIndex];
            if (!plan.Includes(kind.Name) || (kind == FaceKind.PseudoDyad && independent.Count < 2))
                continue;
            for (var k = 0; k < plan.SessionsPerKind; k++)
            {
                cancellation.ThrowIfCancellationRequested();
                var seed = plan.Seed * 100_000 + kindIndex * 1_000 + k;
                var random = new Random(seed);
                var session = kind == FaceKind.PseudoDyad ? Pair(independent, random) : kind.Build(random, kind.MinSeconds + (kind.MaxSeconds - kind.MinSeconds) * random.NextDouble());
                if (kind == FaceKind.Independent)
                    independent.Add(session);
                foreach (var outcome in Outcomes(kind, seed, session))
                    yield return outcome;
            }

            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  face: {kind.Name} done ({plan.SessionsPerKind} sessions)"));
        }
    }

    private static FaceSession Pair(List<FaceSession> independent, Random random)
    {
        var (a, b) = PseudoDyadPartners.Draw(independent, random);
        var length = Math.Min(a.SmileA.Length, b.SmileB.Length);
        var seconds = length / SmileSignal.Rate;
        return new FaceSession(a.SmileA[..length], b.SmileB[..length], a.LookA[..length], b.LookB[..length])
        {
            NodsA = [.. a.NodsA.Where(t => t < seconds)],
            NodsB = [.. b.NodsB.Where(t => t < seconds)],
        };
    }

    private static IEnumerable<CalibrationOutcome> Outcomes(FaceKind kind, int seed, FaceSession session)
    {
        var smile = new DyadSeries(MeasureNames.SmileMimicry, SmileSignal.Rate, [.. session.SmileA], [.. session.SmileB]);
        var looking = new DyadSeries(MeasureNames.MutualGaze, SmileSignal.Rate, [.. session.LookA], [.. session.LookB]);
        var report = new CoordinationAnalysis(new CoordinationSettings())
            .Analyse(new SessionSignals(MediaTime.Zero, smile.Duration, null, null, null, null, new FaceSignals(smile, looking, session.HeadMovements)));
        var mimicry = report.Measures.FirstOrDefault(m => m.Name == MeasureNames.SmileMimicry);
        var gaze = report.Measures.FirstOrDefault(m => m.Name == MeasureNames.MutualGaze);
        var nods = report.Measures.FirstOrDefault(m => m.Name == MeasureNames.NodReciprocity);
        var seconds = smile.Duration.TotalSeconds;
        var smileIsNull = kind.IsNull || kind.Designed != MeasureNames.SmileMimicry;
        CalibrationOutcome Outcome(string measure, bool isNull, double p, double lag = double.NaN, double designedLag = double.NaN, bool edge = false) =>
            new(measure, kind.Name, isNull, seed, seconds, p, lag, designedLag, edge);
        yield return Outcome(MeasureNames.SmileMimicry, smileIsNull, mimicry?.PValue ?? double.NaN, mimicry?.BestLagSeconds ?? double.NaN, kind.DesignedLagSeconds, mimicry?.LagAtEdge ?? false);
        yield return Outcome(Continuous, smileIsNull, mimicry?.Detail("continuous_p") ?? double.NaN);
        yield return Outcome(Answered, smileIsNull, mimicry?.Detail("answered_p") ?? double.NaN);
        yield return Outcome(MeasureNames.MutualGaze, kind.IsNull || kind.Designed != MeasureNames.MutualGaze, gaze?.PValue ?? double.NaN);
        yield return Outcome(MeasureNames.NodReciprocity, kind.IsNull || kind.Designed != MeasureNames.NodReciprocity, nods?.PValue ?? double.NaN);
    }
}

/// <summary>Both people's designed smile and looking signals, 30 per second, NaN where a face was lost.</summary>
internal sealed record FaceSession(double[] SmileA, double[] SmileB, double[] LookA, double[] LookB)
{
    /// <summary>When A's nods start (seconds), in order.</summary>
    public double[] NodsA { get; init; } = [];

    /// <summary>When B's nods start (seconds), in order.</summary>
    public double[] NodsB { get; init; } = [];

    /// <summary>Both people's nods as the head-movement detector reports them.</summary>
    public IReadOnlyList<HeadMovementEvent> HeadMovements =>
    [
        .. NodsA.Select(t => Nod(t, Participant.A)),
        .. NodsB.Select(t => Nod(t, Participant.B)),
    ];

    private static HeadMovementEvent Nod(double start, Participant who) =>
        new(MediaTime.FromSeconds(start), MediaTime.FromSeconds(start + 0.6), who, HeadMovementKind.Nod, 1, 0.1);
}

/// <summary>A kind of designed face session: how long, what couples the two people (if anything, and on which measure), and how it is built.</summary>
internal sealed record FaceKind(string Name, bool IsNull, string? Designed, double MinSeconds, double MaxSeconds, double DesignedLagSeconds, Func<Random, double, FaceSession> Build)
{
    private const double NullShortest = 60;
    private const double NullLongest = 600;
    private const double EffectSeconds = 180;

    public static FaceKind Independent { get; } = Null("null:independent", (random, seconds) => Person.Pair(random, seconds, null, 1));

    /// <summary>Both people smile from 0.4 to 2 times their usual rate over the session and look 0.5 to 1.5 times as long, each at their own moments.</summary>
    public static FaceKind Warming { get; } = Null("null:warming", (random, seconds) =>
        Person.Pair(random, seconds, t => 0.4 + 1.6 * t / seconds, 2, t => 0.5 + t / seconds));

    /// <summary>
    /// Lighter and more serious stretches both live through (each about 40 s): in the light ones both smile 2.5 times
    /// their usual rate and look twice as long, in the serious ones 0.4 times and half as long. Smiling and looking
    /// together by mood is not one answering the other.
    /// </summary>
    public static FaceKind SharedMood { get; } = Null("null:shared-mood", (random, seconds) =>
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

        bool Light(double t) => light.Any(s => s.From <= t && t < s.To);
        return Person.Pair(random, seconds, t => Light(t) ? 2.5 : 0.4, 2.5, t => Light(t) ? 2 : 0.5);
    });

    /// <summary>
    /// What the camera does to both faces at once: jitter both meshes share, and lighting changes that shift both
    /// mouths' readings for 5–20 s.
    /// </summary>
    public static FaceKind SharedDisturbance { get; } = Null("null:shared-disturbance", (random, seconds) =>
    {
        var session = Person.Pair(random, seconds, null, 1);
        var shared = SmileSignal.Jitter(random, session.SmileA.Length, 0.03);
        for (var t = SmileHabit.Exponential(random, 60); t < seconds; t += SmileHabit.Exponential(random, 60))
        {
            var step = 0.1 * (random.NextDouble() - 0.5);
            var end = Math.Min(shared.Length, (int)((t + 5 + 15 * random.NextDouble()) * SmileSignal.Rate));
            for (var i = (int)(t * SmileSignal.Rate); i < end; i++)
                shared[i] += step;
        }

        for (var i = 0; i < shared.Length; i++)
        {
            session.SmileA[i] += shared[i];
            session.SmileB[i] += shared[i];
        }

        return session;
    });

    /// <summary>Both faces lost together (someone walks through, the camera is knocked) every half minute or so, for 1–8 s.</summary>
    public static FaceKind LostTogether { get; } = Null("null:faces-lost-together", (random, seconds) =>
    {
        var session = Person.Pair(random, seconds, null, 1);
        for (var t = SmileHabit.Exponential(random, 30); t < seconds; t += SmileHabit.Exponential(random, 30))
        {
            var lasting = 1 + 7 * random.NextDouble();
            foreach (var signal in new[] { session.SmileA, session.SmileB, session.LookA, session.LookB })
                SmileSignal.Lose(signal, t, lasting);
        }

        return session;
    });

    /// <summary>A of one independent session with B of another, cut to the shorter (built from the independent ones).</summary>
    public static FaceKind PseudoDyad { get; } = Null("null:pseudo-dyad", (_, _) => throw new InvalidOperationException("Pseudo-dyads are paired, not built."));

    /// <summary>B nods back 0.3–1.5 s after six of ten of A's nods, and nods on their own besides.</summary>
    public static FaceKind NodsAnswered { get; } = new("effect:nods-answered-0.6", false, MeasureNames.NodReciprocity, EffectSeconds, EffectSeconds, double.NaN, (random, seconds) =>
    {
        var session = Person.Pair(random, seconds, null, 1);
        var answers = session.NodsA.Where(_ => random.NextDouble() < 0.6).Select(t => t + 0.3 + 1.2 * random.NextDouble()).Where(t => t < seconds);
        return session with { NodsB = [.. session.NodsB.Concat(answers).Order()] };
    });

    public static ImmutableArray<FaceKind> All { get; } =
    [
        Independent, Warming, SharedMood, SharedDisturbance, LostTogether, PseudoDyad,
        Answering("effect:answers-1s-0.6", 0.6, 1, 0.2),
        Answering("effect:answers-2s-0.4", 0.4, 2, 0.4),
        new("effect:echo-1s-0.6", false, MeasureNames.SmileMimicry, EffectSeconds, EffectSeconds, 1, (random, seconds) =>
        {
            // B's smile is 0.6 of A's a second earlier on top of B's own smiling (the partial coupling of MEASURES.md §5).
            var (a, b) = (Person.Draw(random), Person.Draw(random));
            var smilesA = a.Smile.Smiles(random, seconds).ToArray();
            var echoes = smilesA.Select(s => s with { Start = s.Start + 1, Height = 0.6 * s.Height });
            return Person.Session(random, seconds, a, b, smilesA, [.. b.Smile.Smiles(random, seconds), .. echoes], a.Gaze.Render(random, seconds), b.Gaze.Render(random, seconds));
        }),
        NodsAnswered,
        new("effect:looks-returned-0.6", false, MeasureNames.MutualGaze, EffectSeconds, EffectSeconds, double.NaN, (random, seconds) =>
        {
            // Six of ten times A looks up, B looks back 0.2–1 s later and holds the look as long as A's lasts.
            var (a, b) = (Person.Draw(random), Person.Draw(random));
            var lookA = a.Gaze.Render(random, seconds);
            var lookB = b.Gaze.Render(random, seconds);
            for (var i = 1; i < lookA.Length; i++)
            {
                if (lookA[i] != 1 || lookA[i - 1] != 0 || random.NextDouble() >= 0.6)
                    continue;
                var end = i;
                while (end < lookA.Length && lookA[end] == 1)
                    end++;
                GazeHabit.Set(lookB, i / SmileSignal.Rate + 0.2 + 0.8 * random.NextDouble(), (end - i) / SmileSignal.Rate, 1);
            }

            return Person.Session(random, seconds, a, b, a.Smile.Smiles(random, seconds), b.Smile.Smiles(random, seconds), lookA, lookB);
        }),
    ];

    private static FaceKind Null(string name, Func<Random, double, FaceSession> build) => new(name, true, null, NullShortest, NullLongest, double.NaN, build);

    /// <summary>B answers each of A's smiles with probability <paramref name="share"/>, <paramref name="lag"/> ± <paramref name="spread"/> s later, and smiles on their own besides.</summary>
    private static FaceKind Answering(string name, double share, double lag, double spread) => new(name, false, MeasureNames.SmileMimicry, EffectSeconds, EffectSeconds, lag, (random, seconds) =>
    {
        var (a, b) = (Person.Draw(random), Person.Draw(random));
        var smilesA = a.Smile.Smiles(random, seconds).ToArray();
        var answers = smilesA.Where(_ => random.NextDouble() < share).Select(s => b.Smile.Next(random, s.Start + lag + spread * SmileSignal.Gaussian(random))).ToArray();
        return Person.Session(random, seconds, a, b, smilesA, [.. b.Smile.Smiles(random, seconds), .. answers], a.Gaze.Render(random, seconds), b.Gaze.Render(random, seconds));
    });

    /// <summary>One designed person: how they smile, how they look, and how often they nod.</summary>
    private sealed record Person(SmileHabit Smile, GazeHabit Gaze, double NodsPerMinute)
    {
        public static Person Draw(Random random) => new(SmileHabit.Draw(random), GazeHabit.Draw(random), 2 + 8 * random.NextDouble());

        /// <summary>Nod starts as a Poisson process at the person's rate times <paramref name="factor"/> (thinned from the highest).</summary>
        public double[] Nods(Random random, double seconds, Func<double, double>? factor = null, double highest = 1)
        {
            var nods = new List<double>();
            for (var t = SmileHabit.Exponential(random, 60 / (NodsPerMinute * highest)); t < seconds; t += SmileHabit.Exponential(random, 60 / (NodsPerMinute * highest)))
            {
                if (random.NextDouble() * highest <= (factor?.Invoke(t) ?? 1))
                    nods.Add(t);
            }

            return [.. nods];
        }

        /// <summary>Two people each on their own, their rates following the given factors.</summary>
        public static FaceSession Pair(Random random, double seconds, Func<double, double>? smileRate, double highestSmileRate, Func<double, double>? lookLength = null)
        {
            var (a, b) = (Draw(random), Draw(random));
            return Session(random, seconds, a, b,
                a.Smile.Smiles(random, seconds, smileRate, highestSmileRate), b.Smile.Smiles(random, seconds, smileRate, highestSmileRate),
                a.Gaze.Render(random, seconds, lookLength), b.Gaze.Render(random, seconds, lookLength)) with
            {
                NodsA = a.Nods(random, seconds, smileRate, highestSmileRate),
                NodsB = b.Nods(random, seconds, smileRate, highestSmileRate),
            };
        }

        /// <summary>The two people's signals and independent nods, each person's face lost at their own moments (both signals at once).</summary>
        public static FaceSession Session(Random random, double seconds, Person a, Person b, IEnumerable<DesignedSmile> smilesA, IEnumerable<DesignedSmile> smilesB, double[] lookA, double[] lookB)
        {
            var session = new FaceSession(SmileSignal.Render(random, seconds, a.Smile, smilesA), SmileSignal.Render(random, seconds, b.Smile, smilesB), lookA, lookB)
            {
                NodsA = a.Nods(random, seconds),
                NodsB = b.Nods(random, seconds),
            };
            foreach (var (person, smile, look) in new[] { (a, session.SmileA, session.LookA), (b, session.SmileB, session.LookB) })
            {
                foreach (var (start, lasting) in SmileSignal.Losses(random, seconds, person.Smile))
                {
                    SmileSignal.Lose(smile, start, lasting);
                    SmileSignal.Lose(look, start, lasting);
                }
            }

            return session;
        }
    }
}
