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
