namespace MirrorSense.Prosody;

/// <summary>One local maximum of a frame's autocorrelation; frequency 0 is the unvoiced candidate.</summary>
public readonly record struct PitchCandidate(double FrequencyHz, double Strength)
{
    public static PitchCandidate Unvoiced => new(0.0, 0.0);

    /// <summary>Praat's test: voiced when 0 &lt; f &lt; ceiling.</summary>
    public bool IsVoicedBelow(double ceilingHz) => FrequencyHz > 0.0 && FrequencyHz < ceilingHz;
}
