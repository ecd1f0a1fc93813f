using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>
/// One pitch frame: the media time of the frame centre, f0 on the chosen (Viterbi) path — NaN when the frame is
/// unvoiced, since absence is data — the strength (normalised autocorrelation) of the chosen candidate, and the
/// frame's local peak relative to the reference peak (what the silence threshold is compared with).
/// </summary>
public sealed record PitchFrame(MediaTime Time, double FrequencyHz, double Strength, double RelativeIntensity)
{
    public bool IsVoiced => !double.IsNaN(FrequencyHz);
}

/// <summary>One local maximum of a frame's autocorrelation; frequency 0 is the unvoiced candidate.</summary>
public readonly record struct PitchCandidate(double FrequencyHz, double Strength)
{
    public static PitchCandidate Unvoiced => new(0.0, 0.0);

    /// <summary>Praat's test: voiced when 0 &lt; f &lt; ceiling.</summary>
    public bool IsVoicedBelow(double ceilingHz) => FrequencyHz > 0.0 && FrequencyHz < ceilingHz;
}
