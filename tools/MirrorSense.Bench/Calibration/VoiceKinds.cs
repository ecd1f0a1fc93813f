using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Bench.Calibration;

/// <summary>Chooses how the next turn is spoken, from who speaks, how far into the session (0–1) and the partner's last turn.</summary>
internal delegate VoiceDelivery TurnRule(Participant speaker, double fraction, VoiceDelivery? partnerPrevious, Random random);

/// <summary>
/// A kind of designed voice session: whether anything couples the speakers, how long its sessions run, which
/// measures it speaks to, and the rule (drawn per session) by which each turn is spoken.
/// </summary>
/// <param name="Measures">The outcomes it reports: all of them for a null, the measures an effect was built for.</param>
/// <param name="NoiseSnrDb">Recording noise drawn between these signal-to-noise ratios, or null for a clean recording.</param>
internal sealed record VoiceKind(
    string Name,
    bool IsNull,
    double MinSeconds,
    double MaxSeconds,
    ImmutableArray<string> Measures,
    Func<Random, VoiceHabit, VoiceHabit, TurnRule> Rule,
    (double Low, double High)? NoiseSnrDb = null)
{
    public const string Tone = "tone";
    public const string ToneProximity = "tone.proximity";
    public const string ToneConvergence = "tone.convergence";
    public const string ToneSynchrony = "tone.synchrony";
    public const string ToneContour = "tone.contour";
    public const string Tempo = "tempo";
    public const string TempoConvergence = "tempo.convergence";
    public const string TempoSynchrony = "tempo.synchrony";
    public const string Volume = "volume";
    public const string Inflection = "inflection";

    private const double NullShortest = 60;
    private const double NullLongest = 600;
    private const double EffectSeconds = 180;

    private static readonly ImmutableArray<string> Every = [Tone, ToneProximity, ToneConvergence, ToneSynchrony, ToneContour, Tempo, TempoConvergence, TempoSynchrony, Volume, Inflection];

    /// <summary>The nulls rendered as sessions; pseudo-dyads are paired from them afterwards.</summary>
    public static ImmutableArray<VoiceKind> RenderedNulls { get; } =
    [
        new("null:independent-turns", true, NullShortest, NullLongest, Every, (_, a, b) => Independent(a, b)),
        new("null:independent-drifts", true, NullShortest, NullLongest, Every, IndependentDrifts),
        new("null:shared-trend", true, NullShortest, NullLongest, Every, SharedTrend),
        new("null:noisy-recording", true, NullShortest, NullLongest, Every, (_, a, b) => Independent(a, b), (8, 25)),
    ];

    /// <summary>A of one rendered null with B of another, both channels as recorded.</summary>
    public static VoiceKind PseudoDyad { get; } = new("null:pseudo-dyad", true, NullShortest, NullLongest, Every, (_, a, b) => Independent(a, b));

    /// <summary>Designed coordination in 3-minute sessions.</summary>
    public static ImmutableArray<VoiceKind> Effects { get; } =
    [
        new("effect:pitch-answers-0.6", false, EffectSeconds, EffectSeconds, [Tone, ToneSynchrony, ToneContour], (_, a, b) => Answering(a, b, Answered.Pitch)),
        new("effect:rate-answers-0.6", false, EffectSeconds, EffectSeconds, [Tempo, TempoSynchrony], (_, a, b) => Answering(a, b, Answered.Rate)),
        new("effect:pitch-convergence", false, EffectSeconds, EffectSeconds, [ToneConvergence], Convergence),
        new("effect:loudness-answers-0.6", false, EffectSeconds, EffectSeconds, [Volume], (_, a, b) => Answering(a, b, Answered.Loudness)),
        new("effect:range-answers-0.6", false, EffectSeconds, EffectSeconds, [Inflection], (_, a, b) => Answering(a, b, Answered.Range)),
    ];

    private static double Uniform(Random random, double half) => half * (2 * random.NextDouble() - 1);

    /// <summary>Each speaker's pitch, rate and loudness drawn anew for every turn, independently of the other.</summary>
    private static TurnRule Independent(VoiceHabit a, VoiceHabit b) => (speaker, _, _, random) =>
        (speaker == Participant.A ? a : b).Deliver(Uniform(random, 18), Uniform(random, 30), Uniform(random, 3));

    /// <summary>Each speaker wanders on their own: a slow random course of pitch, rate and loudness plus turn-to-turn variation.</summary>
    private static TurnRule IndependentDrifts(Random session, VoiceHabit a, VoiceHabit b)
    {
        var courseA = (Pitch: Wander(session, 14), Speed: Wander(session, 25), Gain: Wander(session, 5));
        var courseB = (Pitch: Wander(session, 14), Speed: Wander(session, 25), Gain: Wander(session, 5));
        return (speaker, f, _, random) =>
        {
            var (habit, course) = speaker == Participant.A ? (a, courseA) : (b, courseB);
            return habit.Deliver(course.Pitch(f) + Uniform(random, 6), course.Speed(f) + Uniform(random, 10), course.Gain(f) + Uniform(random, 1));
        };
    }

    /// <summary>Both speakers follow one slow course (a rise, a fall, or a rise and fall) in pitch, and in rate or loudness for some sessions.</summary>
    private static TurnRule SharedTrend(Random session, VoiceHabit a, VoiceHabit b)
    {
        var sign = session.Next(2) == 0 ? -1 : 1;
        Func<double, double> shape = session.Next(3) switch
        {
            0 => f => f - 0.5,
            1 => f => Math.Sin(Math.PI * f) - 0.64,
            _ => f => f * f - 0.33,
        };
        var pitch = sign * (12 + 18 * session.NextDouble());
        var speed = session.Next(2) == 0 ? 0 : (session.Next(2) == 0 ? -1 : 1) * (30 + 30 * session.NextDouble());
        var gain = session.Next(2) == 0 ? 0 : (session.Next(2) == 0 ? -1 : 1) * (4 + 6 * session.NextDouble());
        return (speaker, f, _, random) => (speaker == Participant.A ? a : b)
            .Deliver(pitch * shape(f) + Uniform(random, 8), speed * shape(f) + Uniform(random, 15), gain * shape(f) + Uniform(random, 1));
    }

    private enum Answered
    {
        Pitch,
        Rate,
        Loudness,
        Range,
    }

    /// <summary>
    /// A varies freely; B's pitch, rate, loudness or pitch range answers A's previous turn: 0.6 of A's departure from
    /// A's habit, plus B's own variation. Only the range kind varies the range (±60 points around each voice's own).
    /// </summary>
    private static TurnRule Answering(VoiceHabit a, VoiceHabit b, Answered answered) => (speaker, _, partner, random) =>
    {
        var (pitchSpread, speedSpread, gainSpread) = (20.0, 35.0, answered == Answered.Loudness ? 4.0 : 2.0);
        const double RangeSpread = 60;
        if (speaker == Participant.A || partner is null)
        {
            var (pitch, speed, gain) = (Uniform(random, pitchSpread), Uniform(random, speedSpread), Uniform(random, gainSpread));
            return (speaker == Participant.A ? a : b).Deliver(pitch, speed, gain, answered == Answered.Range ? Uniform(random, RangeSpread) : 0);
        }

        return answered switch
        {
            Answered.Range => b.Deliver(Uniform(random, pitchSpread), Uniform(random, speedSpread), Uniform(random, gainSpread),
                0.6 * (partner.RangePercent - 100) + 0.5 * Uniform(random, RangeSpread)),
            Answered.Pitch => b.Deliver(0.6 * (partner.Pitch - a.Pitch) + 0.5 * Uniform(random, pitchSpread), Uniform(random, speedSpread), Uniform(random, gainSpread)),
            Answered.Rate => b.Deliver(Uniform(random, pitchSpread), 0.6 * (partner.WordsPerMinute - a.WordsPerMinute) + 0.5 * Uniform(random, speedSpread), Uniform(random, gainSpread)),
            _ => b.Deliver(Uniform(random, pitchSpread), Uniform(random, speedSpread), 0.6 * (20 * Math.Log10(partner.Gain) - a.GainDb) + 0.5 * Uniform(random, gainSpread)),
        };
    };

    /// <summary>B starts far from A's pitch and approaches it over the session.</summary>
    private static TurnRule Convergence(Random session, VoiceHabit a, VoiceHabit b)
    {
        var gap = (session.Next(2) == 0 ? -1 : 1) * (15 + 15 * session.NextDouble());
        var start = Math.Clamp(a.Pitch + gap, 5, 94) - b.Pitch;
        var end = a.Pitch - b.Pitch;
        return (speaker, f, _, random) => speaker == Participant.A
            ? a.Deliver(Uniform(random, 6), Uniform(random, 25), Uniform(random, 2))
            : b.Deliver(start + (end - start) * f + Uniform(random, 6), Uniform(random, 25), Uniform(random, 2));
    }

    /// <summary>A smooth random course over the session (0–1): a slope and a slow sinusoid, about ±<paramref name="size"/>.</summary>
    private static Func<double, double> Wander(Random random, double size)
    {
        var slope = Uniform(random, size);
        var period = 0.4 + 1.2 * random.NextDouble();
        var phase = 2 * Math.PI * random.NextDouble();
        var swing = size * random.NextDouble();
        return f => slope * (f - 0.5) + swing * Math.Sin(2 * Math.PI * f / period + phase);
    }
}
