using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace MirrorSense.Prosody.Numerics;

/// <summary>
/// The tapered sinc of <see cref="SincInterpolation.Interpolate"/> for one full depth, rewritten so that each side is
/// one vectorisable sum. Sample k away from the interpolation point (phase φ + kπ) weighs
/// sin(φ + kπ)/(φ + kπ) · ½(1 + cos((φ + kπ)/W)) = ½ sin φ · (−1)^k (1 + cos(φ/W)·cos(kπ/W) − sin(φ/W)·sin(kπ/W)) / (φ + kπ),
/// so everything that depends on k alone is tabulated once; what is left per sample is a multiply-add and a division.
/// Equal to the scalar recurrence up to rounding (~1e-15).
/// </summary>
internal sealed class SincKernel
{
    private readonly double _taperWidth;
    private readonly double _stepCos;
    private readonly double _stepSin;
    // Indexed by k = 0..Depth−1 (right side, samples after the point) and reversed (left side, samples before it),
    // so both sides read y in increasing order.
    private readonly double[] _sign, _cos, _sin, _offset;
    private readonly double[] _signReversed, _cosReversed, _sinReversed, _offsetReversed;

    public SincKernel(int depth)
    {
        Depth = depth;
        _taperWidth = depth + 0.5;
        _sign = new double[depth];
        _cos = new double[depth];
        _sin = new double[depth];
        _offset = new double[depth];
        for (var k = 0; k < depth; k++)
        {
            var sign = k % 2 == 0 ? 1.0 : -1.0;
            _sign[k] = sign;
            _cos[k] = sign * Math.Cos(k * Math.PI / _taperWidth);
            _sin[k] = sign * Math.Sin(k * Math.PI / _taperWidth);
            _offset[k] = k * Math.PI;
        }
        _signReversed = [.. _sign.Reverse()];
        _cosReversed = [.. _cos.Reverse()];
        _sinReversed = [.. _sin.Reverse()];
        _offsetReversed = [.. _offset.Reverse()];
        _stepCos = Math.Cos(Math.PI / _taperWidth);
        _stepSin = Math.Sin(Math.PI / _taperWidth);
    }

    public int Depth { get; }

    /// <summary>The interpolation at 1-based <paramref name="x"/>, with <paramref name="midLeft"/> = ⌊x⌋ and <paramref name="left"/> = its first sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot at frame rate: optimised from the first call, not after tiering
    public double Interpolate(ReadOnlySpan<double> y, double x, int midLeft, int left)
    {
        // The right side's phase is π − the left side's, so its sine and taper angle follow from the left's without
        // more trigonometry: sin(π − φ) = sin φ, and (π − φ)/W = π/W − φ/W. The sine is taken of the smaller of the
        // two phases: computed from φ close to π (x just below a whole sample) it would lose digits.
        var leftPhase = Math.PI * (x - midLeft);
        var rightPhase = Math.PI * (midLeft + 1 - x);
        var (leftSin, leftCos) = Math.SinCos(leftPhase / _taperWidth);
        var rightCos = _stepCos * leftCos + _stepSin * leftSin;
        var rightSin = _stepSin * leftCos - _stepCos * leftSin;
        var leftSum = Side(y.Slice(left - 1, Depth), leftPhase, leftCos, leftSin, _signReversed, _cosReversed, _sinReversed, _offsetReversed);
        var rightSum = Side(y.Slice(midLeft, Depth), rightPhase, rightCos, rightSin, _sign, _cos, _sin, _offset);
        return 0.5 * Math.Sin(Math.Min(leftPhase, rightPhase)) * (leftSum + rightSum);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot at frame rate: optimised from the first call, not after tiering
    private static double Side(ReadOnlySpan<double> y, double phase, double c, double s, ReadOnlySpan<double> sign, ReadOnlySpan<double> cos, ReadOnlySpan<double> sin, ReadOnlySpan<double> offset)
    {
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && y.Length >= Vector<double>.Count)
        {
            var vc = new Vector<double>(c);
            var vs = new Vector<double>(s);
            var vphase = new Vector<double>(phase);
            var accumulator = Vector<double>.Zero;
            ref var ys = ref MemoryMarshal.GetReference(y);
            ref var signs = ref MemoryMarshal.GetReference(sign);
            ref var cosines = ref MemoryMarshal.GetReference(cos);
            ref var sines = ref MemoryMarshal.GetReference(sin);
            ref var offsets = ref MemoryMarshal.GetReference(offset);
            for (; i <= y.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var at = (nuint)i;
                var weight = Vector.LoadUnsafe(ref signs, at) + vc * Vector.LoadUnsafe(ref cosines, at) - vs * Vector.LoadUnsafe(ref sines, at);
                accumulator += Vector.LoadUnsafe(ref ys, at) * weight / (vphase + Vector.LoadUnsafe(ref offsets, at));
            }
            sum = Vector.Sum(accumulator);
        }
        for (; i < y.Length; i++)
            sum += y[i] * (sign[i] + c * cos[i] - s * sin[i]) / (phase + offset[i]);
        return sum;
    }
}
