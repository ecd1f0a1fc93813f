using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Bench.Calibration;

/// <summary>
/// Two-speaker espeak-ng sessions in turn-taking (one silent while the other speaks, each on their own channel),
/// analysed as <c>mirrorsense analyze</c> analyses a stereo recording: each channel's prosody becomes a
/// <see cref="SpeakerVoice"/>, and <see cref="CoordinationAnalysis"/> with the default settings computes tone, tempo, volume and inflection.
/// Nulls (1–10 min): independent turns, independent drifts, a shared slow trend, a noisy recording, and pseudo-dyads
/// (A of one null with B of another). Effects (3 min): B's pitch, rate, loudness or pitch range answering A's previous turn, B's
/// pitch converging on A's. Besides the session p of tone and tempo, the turn-level tests (proximity, convergence,
/// synchrony) are reported as <c>tone.*</c> and <c>tempo.*</c> so their calibration shows too.
/// </summary>
public sealed class VoiceCorpus : ICalibrationCorpus
{
    private const int ProgressEvery = 10;

    public string Name => "voice";

    public IEnumerable<CalibrationOutcome> Run(CalibrationPlan plan, TextWriter progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        var renderer = new VoiceRenderer(Path.Combine(plan.WorkFolder, "espeak"));
        // Sessions of other lengths are other sessions under the same seeds, so each choice of lengths has its own cache.
        var folder = "sessions"
            + (plan.VoiceNullSeconds is { } lengths ? string.Create(CultureInfo.InvariantCulture, $"-{lengths.Shortest:0.#}-{lengths.Longest:0.#}") : "")
            + (plan.VoiceEffectSeconds is { } effectLength ? string.Create(CultureInfo.InvariantCulture, $"-effects-{effectLength:0.#}") : "");
        var cache = new VoiceSessionCache(Path.Combine(plan.WorkFolder, folder));
        var rendered = new List<VoiceSession>();
        var count = 0;
        void Progress(VoiceKind kind, int k)
        {
            if (++count % ProgressEvery == 0 || k == plan.SessionsPerKind - 1)
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  voice: {count} sessions ({kind.Name} {k + 1}/{plan.SessionsPerKind})"));
        }

        var nulls = plan.VoiceNullSeconds is { } range
            ? [.. VoiceKind.RenderedNulls.Select(k => k with { MinSeconds = range.Shortest, MaxSeconds = range.Longest })]
            : VoiceKind.RenderedNulls;
        var effects = plan.VoiceEffectSeconds is { } seconds
            ? [.. VoiceKind.Effects.Select(k => k with { MinSeconds = seconds, MaxSeconds = seconds })]
            : VoiceKind.Effects;
        var kinds = nulls.Add(VoiceKind.PseudoDyad).AddRange(effects);
        for (var kindIndex = 0; kindIndex < kinds.Length; kindIndex++)
        {
            var kind = kinds[kindIndex];
            if (!plan.Includes(kind.Name) || (kind == VoiceKind.PseudoDyad && rendered.Count < 2))
                continue;
            for (var k = 0; k < plan.SessionsPerKind; k++)
            {
                cancellation.ThrowIfCancellationRequested();
                var seed = plan.Seed * 100_000 + kindIndex * 1_000 + k;
                VoiceSession session;
                if (kind == VoiceKind.PseudoDyad)
                {
                    session = Pair(rendered, seed);
                }
                else
                {
                    session = cache.GetOrAdd(seed, () => Speak(kind, seed, renderer));
                    if (kind.IsNull)
                        rendered.Add(session);
                }

                foreach (var outcome in session.Outcomes(kind))
                    yield return outcome;
                Progress(kind, k);
            }
        }
    }

    private static VoiceSession Speak(VoiceKind kind, int seed, VoiceRenderer renderer)
    {
        var random = new Random(seed);
        var seconds = kind.MinSeconds + (kind.MaxSeconds - kind.MinSeconds) * random.NextDouble();
        var habitA = VoiceHabit.Draw(random);
        var habitB = VoiceHabit.Draw(random);
        var recording = renderer.Render(seconds, kind.Rule(random, habitA, habitB), random, kind.NoiseSnrDb);
        return new VoiceSession(
            seed,
            VoiceProsody.Analyse(Participant.A, recording.A, recording.SampleRate),
            VoiceProsody.Analyse(Participant.B, recording.B, recording.SampleRate),
            AnswerLag(recording.Turns));
    }

    /// <summary>A pseudo-dyad: A of one rendered null with B of another, both cut to the shorter.</summary>
    private static VoiceSession Pair(List<VoiceSession> rendered, int seed)
    {
        var (withA, withB) = PseudoDyadPartners.Draw(rendered, new Random(seed));
        var (a, b) = (withA.A, withB.B);
        var end = new[] { a.Frames[^1].Time, b.Frames[^1].Time }.Min();
        return new VoiceSession(seed, Trimmed(a, end), Trimmed(b, end), double.NaN);
    }

    private static SpeakerVoice Trimmed(SpeakerVoice voice, MediaTime end) => voice with
    {
        Frames = [.. voice.Frames.Where(f => f.Time <= end)],
        Units = [.. voice.Units.Where(u => u.End <= end)],
    };

    /// <summary>How much later B's turns sit than the A turns they answer (centre to centre): the lag an answering effect builds in.</summary>
    private static double AnswerLag(IReadOnlyList<PlacedTurn> turns)
    {
        var lags = new List<double>();
        PlacedTurn? lastA = null;
        foreach (var turn in turns)
        {
            if (turn.Turn.Speaker == Participant.A)
                lastA = turn;
            else if (lastA is not null)
                lags.Add((turn.Start + turn.End) / 2 - (lastA.Start + lastA.End) / 2);
        }

        return lags.Count == 0 ? double.NaN : lags.Average();
    }
}

/// <summary>One analysed session: the two voices and, for answering effects, the lag built in.</summary>
internal sealed record VoiceSession(int Seed, SpeakerVoice A, SpeakerVoice B, double AnswerLagSeconds)
{
    /// <summary>The session as analyze measures it: from 0 to the end of the shorter voice.</summary>
    public IEnumerable<CalibrationOutcome> Outcomes(VoiceKind kind)
    {
        var duration = new[] { A.Frames[^1].Time, B.Frames[^1].Time }.Min() - MediaTime.Zero;
        var report = new CoordinationAnalysis(new CoordinationSettings()).Analyse(new SessionSignals(MediaTime.Zero, duration, null, null, A, B));
        CoordinationMeasure? Find(string name) => report.Measures.FirstOrDefault(m => m.Name == name);
        var tone = Find(MeasureNames.Tone);
        var tempo = Find(MeasureNames.Tempo);
        var volume = Find(MeasureNames.Volume);
        var inflection = Find(MeasureNames.Inflection);
        var designed = kind.Name.StartsWith("effect:pitch-answers", StringComparison.Ordinal) ? AnswerLagSeconds : double.NaN;
        CalibrationOutcome Outcome(string measure, double p, double lag = double.NaN, bool edge = false) =>
            new(measure, kind.Name, kind.IsNull, Seed, duration.TotalSeconds, p, lag, measure == VoiceKind.Tone ? designed : double.NaN, edge);
        double Detail(CoordinationMeasure? measure, string name) => measure?.Detail(name) ?? double.NaN;

        foreach (var measure in kind.Measures)
        {
            yield return measure switch
            {
                VoiceKind.Tone => Outcome(measure, tone?.PValue ?? double.NaN, tone?.BestLagSeconds ?? double.NaN, tone?.LagAtEdge ?? false),
                VoiceKind.ToneProximity => Outcome(measure, Detail(tone, "proximity_p")),
                VoiceKind.ToneConvergence => Outcome(measure, Detail(tone, "convergence_p")),
                VoiceKind.ToneSynchrony => Outcome(measure, Detail(tone, "synchrony_p")),
                VoiceKind.ToneContour => Outcome(measure, Detail(tone, "continuous_p")),
                VoiceKind.Tempo => Outcome(measure, tempo?.PValue ?? double.NaN),
                VoiceKind.TempoConvergence => Outcome(measure, Detail(tempo, "convergence_p")),
                VoiceKind.TempoSynchrony => Outcome(measure, Detail(tempo, "synchrony_p")),
                VoiceKind.Volume => Outcome(measure, volume?.PValue ?? double.NaN, volume?.BestLagSeconds ?? double.NaN, volume?.LagAtEdge ?? false),
                VoiceKind.Inflection => Outcome(measure, inflection?.PValue ?? double.NaN),
                _ => throw new InvalidOperationException($"No outcome named {measure}."),
            };
        }
    }
}
