using MirrorSense.Core;

namespace MirrorSense.Synchrony.Coordination;

/// <summary>
/// What a voice measure reads from each speaker: a contour on the frames (relative to the speaker's own median, so a
/// low and a high voice, or a near and a far microphone, are compared for how they move, not where they sit) and one
/// level per speech unit.
/// </summary>
/// <param name="Measure">The measure it feeds (<see cref="MeasureNames"/>).</param>
/// <param name="RelativeGrid">The speaker's contour on a grid: (voice, origin, rate in Hz, length) → values, NaN where silent.</param>
/// <param name="UnitLevel">One unit's level on the same scale as the grid before the median is taken off.</param>
public sealed record VoiceChannel(string Measure, Func<SpeakerVoice, MediaTime, double, int, double[]> RelativeGrid, Func<SpeechUnit, double> UnitLevel)
{
    /// <summary>Tone: pitch in semitones re the speaker's median f0, on voiced frames; units at their mean pitch.</summary>
    public static VoiceChannel Pitch { get; } = new(MeasureNames.Tone, (voice, origin, rate, length) => voice.RelativePitchGrid(origin, rate, length), unit => unit.MeanPitchSemitones);

    /// <summary>Volume: intensity in dB re the speaker's median while speaking, on the frames within their units; units at their mean intensity.</summary>
    public static VoiceChannel Loudness { get; } = new(MeasureNames.Volume, (voice, origin, rate, length) => voice.RelativeLoudnessGrid(origin, rate, length), unit => unit.MeanIntensityDb);
}
