using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        ref var first = ref MemoryMarshal.GetReference(samples);
        var i = 0;
        if (Vector.IsHardwareAccelerated && samples.Length >= Vector<float>.Count)
        {
            // Minimum and maximum are exact in any order; the sum is kept in doubles, a vector of them at a time.
            var minimum = new Vector<float>(_minimum);
            var maximum = new Vector<float>(_maximum);
            var sum = Vector<double>.Zero;
            for (; i <= samples.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var block = Vector.LoadUnsafe(ref first, (nuint)i);
                minimum = Vector.Min(minimum, block);
                maximum = Vector.Max(maximum, block);
                Vector.Widen(block, out var lower, out var upper);
                sum += lower + upper;
            }
            for (var k = 0; k < Vector<float>.Count; k++)
            {
                _minimum = Math.Min(_minimum, minimum[k]);
                _maximum = Math.Max(_maximum, maximum[k]);
            }
            _sum += Vector.Sum(sum);
        }
        for (; i < samples.Length; i++)
        {
            var s = Unsafe.Add(ref first, i);
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
