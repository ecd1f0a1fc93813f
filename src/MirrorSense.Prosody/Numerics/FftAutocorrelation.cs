using System.Runtime.CompilerServices;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot at frame rate: optimised from the first call, not after tiering
    public void Transform(Span<double> x)
    {
        if (x.Length != Size)
            throw new ArgumentException($"The signal must hold exactly {Size} values.", nameof(x));
        var h = _halfSize;
        var reversed = _half.BitReversed;
        for (var m = 0; m < h; m++)
        {
            _re[reversed[m]] = x[2 * m];
            _im[reversed[m]] = x[2 * m + 1];
        }
        _half.TransformReordered(_re, _im, inverse: false);

        // Untangle the spectra of the even and odd samples, X[k] = E[k] + e^{−2πik/N}·O[k], and keep |X[k]|², k = 0..N/2.
        for (var k = 0; k < h; k++)
        {
            var j = k == 0 ? 0 : h - k;
            var evenRe = 0.5 * (_re[k] + _re[j]);
            var evenIm = 0.5 * (_im[k] - _im[j]);
            var oddRe = 0.5 * (_im[k] + _im[j]);
            var oddIm = -0.5 * (_re[k] - _re[j]);
            var xr = evenRe + _cos[k] * oddRe + _sin[k] * oddIm;
            var xi = evenIm + _cos[k] * oddIm - _sin[k] * oddRe;
            _power[k] = xr * xr + xi * xi;
        }
        var nyquist = _re[0] - _im[0];
        _power[h] = nyquist * nyquist;

        // The inverse of a real, even spectrum P: r[2m] + i·r[2m+1] is the half-size inverse transform of
        // (P[k] + P[k + N/2]) + i·e^{2πik/N}·(P[k] − P[k + N/2]), with P[k + N/2] = P[N/2 − k].
        for (var k = 0; k < h; k++)
        {
            var sum = _power[k] + _power[h - k];
            var difference = _power[k] - _power[h - k];
            _re[reversed[k]] = sum - difference * _sin[k];
            _im[reversed[k]] = difference * _cos[k];
        }
        _half.TransformReordered(_re, _im, inverse: true);
        for (var m = 0; m < h; m++)
        {
            x[2 * m] = _re[m];
            x[2 * m + 1] = _im[m];
        }
    }
}
