namespace MirrorSense.Core;

/// <summary>
/// One 10 ms prosody frame of one speaker: the frame centre (media time), f0 (NaN when unvoiced) and the intensity
/// at the same centre. A value: a session holds a hundred a second per speaker.
/// </summary>
public readonly record struct ProsodyFrame(MediaTime Time, double FrequencyHz, double IntensityDb)
{
    public bool IsVoiced => !double.IsNaN(FrequencyHz);
}
