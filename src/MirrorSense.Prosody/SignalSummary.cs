namespace MirrorSense.Prosody;

/// <summary>
/// What a first pass over a recording learns so that a second, streaming pass can place frames and judge silence
/// exactly as Praat does on the whole sound: the sample count (Praat's frame grid) and the largest deviation from the
/// mean (Praat's global peak). Both come from count, sum, minimum and maximum, so the pass holds no samples.
/// </summary>
public sealed class SignalSummary
{
    private double _sum;
    private float _minimum = float.PositiveInfinity;
    private float _maximum = float.NegativeInfinity;

    public long SampleCount { get; private set; }

    public void Add(ReadOnlySpan<float> samples)
    {
        foreach (var s in samples)
        {
            _sum += s;
            if (s < _minimum)
                _minimum = s;
            if (s > _maximum)
                _maximum = s;
        }
        SampleCount += samples.Length;
    }

    /// <summary>max |s − mean| = the larger of max − mean and mean − min; what <see cref="PeakReference.OfWholeSignal"/> computes.</summary>
    public PeakReference Peak
    {
        get
        {
            if (SampleCount == 0)
                return PeakReference.Fixed(0);
            var mean = _sum / SampleCount;
            return PeakReference.Fixed(Math.Max(Math.Abs(_maximum - mean), Math.Abs(mean - _minimum)));
        }
    }

    /// <summary>True when every sample is exactly zero (digital silence).</summary>
    public bool IsDigitalSilence => SampleCount == 0 || (_minimum == 0 && _maximum == 0);
}
