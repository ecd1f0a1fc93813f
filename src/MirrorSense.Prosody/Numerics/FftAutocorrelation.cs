using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly double[] _power;
    private readonly double[] _cos;
    private readonly double[] _sin;

    public FftAutocorrelation(int size)
    {
        if (size < 4 || (size & (size - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(size), size, "The size must be a power of two of at least 4.");
        Size = size;
        _halfSize = size / 2;
        _half = new Fft(_halfSize);
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
        ref var power = ref MemoryMarshal.GetArrayDataReference(_power);
        ref var cos = ref MemoryMarshal.GetArrayDataReference(_cos);
        ref var sin = ref MemoryMarshal.GetArrayDataReference(_sin);
        ref var reversed = ref MemoryMarshal.GetReference(_half.BitReversed);
        ref var x = ref MemoryMarshal.GetReference(signal);
        // Pack pairs of samples as complex numbers; past the signal's end only zeros are stored.
        var pairs = signal.Length / 2;
        for (var m = 0; m < pairs; m++)
        {
            var at = Unsafe.Add(ref reversed, m);
            Unsafe.Add(ref re, at) = Unsafe.Add(ref x, 2 * m);
            Unsafe.Add(ref im, at) = Unsafe.Add(ref x, 2 * m + 1);
        }
        for (var m = pairs; m < h; m++)
        {
            var at = Unsafe.Add(ref reversed, m);
            Unsafe.Add(ref re, at) = 2 * m < signal.Length ? Unsafe.Add(ref x, 2 * m) : 0.0;
            Unsafe.Add(ref im, at) = 0.0;
        }
        _half.TransformReordered(_re, _im, inverse: false);

        // Untangle the spectra of the even and odd samples, X[k] = E[k] + e^{−2πik/N}·O[k], and keep |X[k]|², k = 0..N/2.
        for (var k = 0; k < h; k++)
        {
            var j = k == 0 ? 0 : h - k;
            var rk = Unsafe.Add(ref re, k);
            var rj = Unsafe.Add(ref re, j);
            var ik = Unsafe.Add(ref im, k);
            var ij = Unsafe.Add(ref im, j);
            var evenRe = 0.5 * (rk + rj);
            var evenIm = 0.5 * (ik - ij);
            var oddRe = 0.5 * (ik + ij);
            var oddIm = -0.5 * (rk - rj);
            var c = Unsafe.Add(ref cos, k);
            var s = Unsafe.Add(ref sin, k);
            var xr = evenRe + c * oddRe + s * oddIm;
            var xi = evenIm + c * oddIm - s * oddRe;
            Unsafe.Add(ref power, k) = xr * xr + xi * xi;
        }
        var nyquist = re - im;
        Unsafe.Add(ref power, h) = nyquist * nyquist;

        // The inverse of a real, even spectrum P: r[2m] + i·r[2m+1] is the half-size inverse transform of
        // (P[k] + P[k + N/2]) + i·e^{2πik/N}·(P[k] − P[k + N/2]), with P[k + N/2] = P[N/2 − k].
        for (var k = 0; k < h; k++)
        {
            var pk = Unsafe.Add(ref power, k);
            var pj = Unsafe.Add(ref power, h - k);
            var sum = pk + pj;
            var difference = pk - pj;
            var at = Unsafe.Add(ref reversed, k);
            Unsafe.Add(ref re, at) = sum - difference * Unsafe.Add(ref sin, k);
            Unsafe.Add(ref im, at) = difference * Unsafe.Add(ref cos, k);
        }
        _half.TransformReordered(_re, _im, inverse: true);
        ref var r = ref MemoryMarshal.GetReference(result);
        for (var m = 0; m < h; m++)
        {
            Unsafe.Add(ref r, 2 * m) = Unsafe.Add(ref re, m);
            Unsafe.Add(ref r, 2 * m + 1) = Unsafe.Add(ref im, m);
        }
    }
}
