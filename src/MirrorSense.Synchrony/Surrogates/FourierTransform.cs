using System.Numerics;

namespace MirrorSense.Synchrony.Surrogates;

/// <summary>
/// The discrete Fourier transform of any length, for surrogates: a radix-2 transform where the length is a power
/// of two, Bluestein's chirp-z transform (three power-of-two transforms) otherwise. Unscaled both ways, so a
/// forward then inverse transform multiplies by the length.
/// </summary>
internal static class FourierTransform
{
    public static void Forward(Complex[] values) => Transform(values, inverse: false);

    public static void Inverse(Complex[] values) => Transform(values, inverse: true);

    private static void Transform(Complex[] values, bool inverse)
    {
        var n = values.Length;
        if (n <= 1)
            return;
        if ((n & (n - 1)) == 0)
            Radix2(values, inverse);
        else
            Bluestein(values, inverse);
    }

    /// <summary>In-place iterative Cooley–Tukey transform; the length must be a power of two.</summary>
    private static void Radix2(Complex[] values, bool inverse)
    {
        var n = values.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
                j ^= bit;
            j ^= bit;
            if (i < j)
                (values[i], values[j]) = (values[j], values[i]);
        }

        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = (inverse ? 2 : -2) * Math.PI / length;
            var step = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (var start = 0; start < n; start += length)
            {
                var twiddle = Complex.One;
                for (var k = 0; k < length / 2; k++)
                {
                    var even = values[start + k];
                    var odd = values[start + k + length / 2] * twiddle;
                    values[start + k] = even + odd;
                    values[start + k + length / 2] = even - odd;
                    twiddle *= step;
                }
            }
        }
    }

    /// <summary>Any length as a convolution with a chirp, done by power-of-two transforms of at least twice the length.</summary>
    private static void Bluestein(Complex[] values, bool inverse)
    {
        var n = values.Length;
        var size = 1;
        while (size < 2 * n - 1)
            size <<= 1;
        var chirp = new Complex[n];
        for (var k = 0; k < n; k++)
        {
            // k² mod 2n keeps the angle exact for long series.
            var angle = (inverse ? 1 : -1) * Math.PI * ((long)k * k % (2L * n)) / n;
            chirp[k] = new Complex(Math.Cos(angle), Math.Sin(angle));
        }

        var a = new Complex[size];
        var b = new Complex[size];
        for (var k = 0; k < n; k++)
            a[k] = values[k] * chirp[k];
        b[0] = Complex.Conjugate(chirp[0]);
        for (var k = 1; k < n; k++)
            b[k] = b[size - k] = Complex.Conjugate(chirp[k]);
        Radix2(a, inverse: false);
        Radix2(b, inverse: false);
        for (var k = 0; k < size; k++)
            a[k] *= b[k];
        Radix2(a, inverse: true);
        for (var k = 0; k < n; k++)
            values[k] = a[k] / size * chirp[k];
    }
}
