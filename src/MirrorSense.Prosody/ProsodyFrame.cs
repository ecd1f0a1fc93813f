using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>
/// One 10 ms prosody frame of one speaker: the frame centre (media time), f0 (NaN when unvoiced) and the intensity
/// at the same centre. Belongs in Core's vocabulary once Core takes it; lives here until then.
/// </summary>
public sealed record ProsodyFrame(MediaTime Time, double FrequencyHz, double IntensityDb)
{
    public bool IsVoiced => !double.IsNaN(FrequencyHz);
}
