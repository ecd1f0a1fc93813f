using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MirrorSense.Prosody.Numerics;

/// <summary>
/// The unnormalised circular autocorrelation r[n] = Σ_k |X[k]|² e^{2πikn/N} of a real signal of power-of-two length N,
/// computed with two complex FFTs of half the size: the real signal is packed as z[m] = x[2m] + i·x[2m+1] for the
/// forward transform, and the real, even power spectrum is packed the same way for the inverse. Same result as two
/// full complex transforms up to rounding, in less than half the work. Owns its buffers; one instance per thread.
/// </summary>
internal sealed class FftAutocorrelation
{
    private readonly Fft _half;
    private readonly int _halfSize;
    // Transform inputs, in the FFT's slot order: the signal's pairs, and the packed power spectrum.
    private readonly double[] _signalRe;
    private readonly double[] _signalIm;
    private readonly double[] _spectrumRe;
    private readonly double[] _spectrumIm;
    // Transform outputs, in natural order.
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly double[] _power;
    private readonly double[] _cos;
    private readonly double[] _sin;
    // Pairs of the signal buffers that may be non-zero; the zero padding above them is left as it is between calls.
    private int _signalPairs;

    public FftAutocorrelation(int size)
    {
        if (size < 4 || (size & (size - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(size), size, "The size must be a power of two of at least 4.");
        Size = size;
        _halfSize = size / 2;
        _half = new Fft(_halfSize);
        _signalRe = new double[_halfSize];
        _signalIm = new double[_halfSize];
        _spectrumRe = new double[_halfSize];
        _spectrumIm = new double[_halfSize];
        _re = new double[_halfSize];
        _im = new double[_halfSize];
        _power = new double[_halfSize + 1];
        _cos = new double[_halfSize];
        _sin = new double[_halfSize];
        for (var k = 0; k < _halfSize; k++)
        {
            _cos[k] = Math.Cos(2 * Math.PI * k / size);
            _sin[k] = Math.Sin(2 * Math.PI * k / size);
        }
    }

    public int Size { get; }

    /// <summary>Replaces the real signal <paramref name="x"/> (length <see cref="Size"/>, zero-padded) by its autocorrelation.</summary>
    public void Transform(Span<double> x)
    {
        if (x.Length != Size)
            throw new ArgumentException($"The signal must hold exactly {Size} values.", nameof(x));
        Transform(x, x);
    }

    /// <summary>
    /// Writes the autocorrelation of <paramref name="signal"/> (at most <see cref="Size"/> values, implicitly
    /// zero-padded to it) into <paramref name="result"/> (<see cref="Size"/> values; may be the signal's own buffer).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot at frame rate: optimised from the first call, not after tiering
    public void Transform(ReadOnlySpan<double> signal, Span<double> result)
    {
        if (signal.Length > Size || result.Length != Size)
            throw new ArgumentException($"The signal may hold at most, and the result must hold exactly, {Size} values.");
        var h = _halfSize;
        ref var re = ref MemoryMarshal.GetArrayDataReference(_re);
        ref var im = ref MemoryMarshal.GetArrayDataReference(_im);
        ref var signalRe = ref MemoryMarshal.GetArrayDataReference(_signalRe);
        ref var signalIm = ref MemoryMarshal.GetArrayDataReference(_signalIm);
        ref var spectrumRe = ref MemoryMarshal.GetArrayDataReference(_spectrumRe);
        ref var spectrumIm = ref MemoryMarshal.GetArrayDataReference(_spectrumIm);
        ref var power = ref MemoryMarshal.GetArrayDataReference(_power);
        ref var cos = ref MemoryMarshal.GetArrayDataReference(_cos);
        ref var sin = ref MemoryMarshal.GetArrayDataReference(_sin);
        ref var slot = ref MemoryMarshal.GetReference(_half.InputSlot);
        ref var x = ref MemoryMarshal.GetReference(signal);
        // Pack pairs of samples as complex numbers (an odd last sample pairs with zero); only pairs that the last
        // call left non-zero need clearing beyond them.
        var pairs = signal.Length / 2;
        for (var m = 0; m < pairs; m++)
        {
            var at = Unsafe.Add(ref slot, m);
            Unsafe.Add(ref signalRe, at) = Unsafe.Add(ref x, 2 * m);
            Unsafe.Add(ref signalIm, at) = Unsafe.Add(ref x, 2 * m + 1);
        }
        var used = (signal.Length + 1) / 2;
        if (used > pairs)
        {
            var at = Unsafe.Add(ref slot, pairs);
            Unsafe.Add(ref signalRe, at) = Unsafe.Add(ref x, 2 * pairs);
            Unsafe.Add(ref signalIm, at) = 0.0;
        }
        for (var m = used; m < _signalPairs; m++)
        {
            var at = Unsafe.Add(ref slot, m);
            Unsafe.Add(ref signalRe, at) = 0.0;
            Unsafe.Add(ref signalIm, at) = 0.0;
        }
        _signalPairs = used;
        _half.TransformFromSlots(_signalRe, _signalIm, _re, _im, inverse: false);

        // Untangle the spectra of the even and odd samples, X[k] = E[k] + e^{−2πik/N}·O[k], and keep |X[k]|², k = 0..N/2;
        // bin k pairs with bin N/2 − k, and bin 0 with itself.
        power = Power<double, ScalarLanes>(re, re, im, im, cos, sin, 0.5, -0.5);
        var k = 1;
        if (Avx2.IsSupported)
        {
            // Four bins at a time; their partners are four consecutive bins read backwards.
            var half = Vector256.Create(0.5);
            var minusHalf = Vector256.Create(-0.5);
            for (; k <= h - Vector256<double>.Count; k += Vector256<double>.Count)
            {
                var at = (nuint)k;
                var mirror = (nuint)(h - k - (Vector256<double>.Count - 1));
                Power<Vector256<double>, Vector256Lanes>(Vector256.LoadUnsafe(ref re, at), Reverse(Vector256.LoadUnsafe(ref re, mirror)),
                    Vector256.LoadUnsafe(ref im, at), Reverse(Vector256.LoadUnsafe(ref im, mirror)),
                    Vector256.LoadUnsafe(ref cos, at), Vector256.LoadUnsafe(ref sin, at), half, minusHalf).StoreUnsafe(ref power, at);
            }
        }
        for (; k < h; k++)
        {
            Unsafe.Add(ref power, k) = Power<double, ScalarLanes>(Unsafe.Add(ref re, k), Unsafe.Add(ref re, h - k), Unsafe.Add(ref im, k), Unsafe.Add(ref im, h - k),
                Unsafe.Add(ref cos, k), Unsafe.Add(ref sin, k), 0.5, -0.5);
        }
        var nyquist = re - im;
        Unsafe.Add(ref power, h) = nyquist * nyquist;

        // The inverse of a real, even spectrum P: r[2m] + i·r[2m+1] is the half-size inverse transform of
        // (P[k] + P[k + N/2]) + i·e^{2πik/N}·(P[k] − P[k + N/2]), with P[k + N/2] = P[N/2 − k].
        for (k = 0; k < h; k++)
        {
            var pk = Unsafe.Add(ref power, k);
            var pj = Unsafe.Add(ref power, h - k);
            var sum = pk + pj;
            var difference = pk - pj;
            var at = Unsafe.Add(ref slot, k);
            Unsafe.Add(ref spectrumRe, at) = sum - difference * Unsafe.Add(ref sin, k);
            Unsafe.Add(ref spectrumIm, at) = difference * Unsafe.Add(ref cos, k);
        }
        _half.TransformFromSlots(_spectrumRe, _spectrumIm, _re, _im, inverse: true);

        // Interleave: r[2m] is the real part of output m, r[2m + 1] its imaginary part.
        ref var r = ref MemoryMarshal.GetReference(result);
        var n = 0;
        if (Avx.IsSupported)
        {
            for (; n <= h - Vector256<double>.Count; n += Vector256<double>.Count)
            {
                var a = Vector256.LoadUnsafe(ref re, (nuint)n);
                var b = Vector256.LoadUnsafe(ref im, (nuint)n);
                var low = Avx.UnpackLow(a, b);
                var high = Avx.UnpackHigh(a, b);
                Avx.Permute2x128(low, high, 0x20).StoreUnsafe(ref r, (nuint)(2 * n));
                Avx.Permute2x128(low, high, 0x31).StoreUnsafe(ref r, (nuint)(2 * n + Vector256<double>.Count));
            }
        }
        for (; n < h; n++)
        {
            Unsafe.Add(ref r, 2 * n) = Unsafe.Add(ref re, n);
            Unsafe.Add(ref r, 2 * n + 1) = Unsafe.Add(ref im, n);
        }
    }

    /// <summary>|X[k]|² of bin k from the half-size spectrum at k (<paramref name="rk"/>, <paramref name="ik"/>) and at its partner (j).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Power<T, TLanes>(T rk, T rj, T ik, T ij, T c, T s, T half, T minusHalf)
        where TLanes : ILaneArithmetic<T>
    {
        var evenRe = TLanes.Multiply(half, TLanes.Add(rk, rj));
        var evenIm = TLanes.Multiply(half, TLanes.Subtract(ik, ij));
        var oddRe = TLanes.Multiply(half, TLanes.Add(ik, ij));
        var oddIm = TLanes.Multiply(minusHalf, TLanes.Subtract(rk, rj));
        var xr = TLanes.Add(TLanes.Add(evenRe, TLanes.Multiply(c, oddRe)), TLanes.Multiply(s, oddIm));
        var xi = TLanes.Subtract(TLanes.Add(evenIm, TLanes.Multiply(c, oddIm)), TLanes.Multiply(s, oddRe));
        return TLanes.Add(TLanes.Multiply(xr, xr), TLanes.Multiply(xi, xi));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Reverse(Vector256<double> v) => Avx2.Permute4x64(v, 0b00_01_10_11);
}
