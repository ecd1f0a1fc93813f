using MirrorSense.Core;

namespace MirrorSense.Synchrony.Coordination;

/// <summary>
/// What a voice measure reads from each speaker: a contour on the frames (relative to the speaker's own median, so a
/// low and a high voice, or a near and a far microphone, are compared for how they move, not where they sit) and one
/// level per speech unit.
/// </summary>
/// <param name="Measure">The measure it feeds (<see cref="MeasureNames"/>).</param>
/// <param name="RelativeGrid">The speaker's contour on a grid: (voice, origin, rate in Hz, length) → values, NaN where silent.</param>
/// <param name="UnitLevel">One unit's level on the same scale as the grid before the median is taken off, read with its speaker's voice at hand.</param>
/// <param name="SessionTest">Which tests the session's p-value joins.</param>
/// <param name="Units">The voice with the units the channel reads.</param>
public sealed record VoiceChannel(string Measure, Func<SpeakerVoice, MediaTime, double, int, double[]> RelativeGrid, Func<SpeakerVoice, SpeechUnit, double> UnitLevel, VoiceSessionTest SessionTest, Func<SpeakerVoice, SpeakerVoice> Units)
{
    /// <summary>Tone: pitch in semitones re the speaker's median f0, on voiced frames; units at their mean pitch.</summary>
    public static VoiceChannel Pitch { get; } = new(MeasureNames.Tone, (voice, origin, rate, length) => voice.RelativePitchGrid(origin, rate, length), (_, unit) => unit.MeanPitchSemitones, VoiceSessionTest.ContourAndTurnSynchrony, voice => voice);

    /// <summary>
    /// Volume: intensity in dB re the speaker's median while voicing, on the voiced frames within their units; units at
    /// their voiced frames' mean intensity. Its session p is turn synchrony alone: the loudness contours of independent
    /// espeak-ng speakers beat all 100 circular shifts in 3–4.5 % of null sessions (1 % is what a p of 1/101 promises)
    /// with every trend span and window tried, and also with B's voice first rotated by half the session, so it is not
    /// the turn-taking that the shifts break (that was before each shift was compared with the real alignment over the
    /// windows it kept, which brought tone's contour test to about 5 %; volume's has not been measured again); the
    /// contour's own p stays a detail (<c>continuous_p</c>). Its units are
    /// the voiced phrases (<see cref="SpeakerVoice.InVoicedPhrases"/>), so a noisy microphone's hiss that joins several
    /// turns into one unit leaves the turn-level test its speaker changes.
    /// </summary>
    public static VoiceChannel Loudness { get; } = new(MeasureNames.Volume, (voice, origin, rate, length) => voice.RelativeLoudnessGrid(origin, rate, length), (voice, unit) => voice.VoicedLoudnessDb(unit), VoiceSessionTest.TurnSynchrony, voice => voice.InVoicedPhrases());
}

/// <summary>The tests a voice measure's session p-value joins.</summary>
public enum VoiceSessionTest
{
    /// <summary>The contour test and turn synchrony, Bonferroni (<see cref="TwoTests"/>).</summary>
    ContourAndTurnSynchrony,

    /// <summary>Turn synchrony alone.</summary>
    TurnSynchrony,
}
