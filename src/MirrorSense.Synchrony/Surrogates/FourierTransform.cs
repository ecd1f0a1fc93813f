using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MirrorSense.Synchrony.Surrogates;

/// <summary>
/// The discrete Fourier transform of one length, for surrogates: a radix-2 transform where the length is a power
/// of two, Bluestein's chirp-z transform (three power-of-two transforms) otherwise. Unscaled both ways, so a
/// forward then inverse transform multiplies by the length. What depends on the length alone (twiddle factors,
/// Bluestein's chirps and the spectra of their conjugates) is worked out once for the many transforms of a set of
/// surrogates; an instance is not changed after that, so threads can share it.
/// </summary>
internal sealed class FourierTransform
{
    private readonly int _length;
    private readonly Complex[] _forwardTwiddles;
    private readonly Complex[] _inverseTwiddles;
    private readonly Chirp? _forwardChirp;
    private readonly Chirp? _inverseChirp;
    // Bluestein's padded work buffers, kept for the transforms of this length only: a shared pool would hold
    // every thread's for the rest of the process (hundreds of megabytes after a long session's surrogates).
    private readonly ArrayPool<Complex>? _padded;

    public FourierTransform(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _length = length;
        var size = 1;
        // Bluestein pads to a power of two of at least twice the length.
        while (size < (IsPowerOfTwo(length) ? length : 2 * length - 1))
            size <<= 1;
        _forwardTwiddles = Twiddles(size, inverse: false);
        _inverseTwiddles = Twiddles(size, inverse: true);
        if (length > 1 && !IsPowerOfTwo(length))
        {
            _forwardChirp = new Chirp(length, size, inverse: false, _forwardTwiddles);
            _inverseChirp = new Chirp(length, size, inverse: true, _forwardTwiddles);
            _padded = ArrayPool<Complex>.Create(size, Environment.ProcessorCount);
        }
    }

    public void Forward(Span<Complex> values) => Transform(values, inverse: false);

    public void Inverse(Span<Complex> values) => Transform(values, inverse: true);

    private void Transform(Span<Complex> values, bool inverse)
    {
        if (values.Length != _length)
            throw new ArgumentException($"This transform is for {_length} values, not {values.Length}.", nameof(values));
        if (_length <= 1)
            return;
        var chirp = inverse ? _inverseChirp : _forwardChirp;
        if (chirp is null)
            Radix2(values, inverse ? _inverseTwiddles : _forwardTwiddles);
        else
            Bluestein(values, chirp);
    }

    private static bool IsPowerOfTwo(int n) => (n & (n - 1)) == 0;

    /// <summary>
    /// Every stage's twiddle factors, the stage of length L at [L/2 − 1, L − 1). Each factor is the one before turned by
    /// one step, not the cosine and sine of its own angle: the surrogates, and the p-values reported from them, depend on
    /// these values to the last bit.
    /// </summary>
    private static Complex[] Twiddles(int size, bool inverse)
    {
        var twiddles = new Complex[Math.Max(0, size - 1)];
        for (var length = 2; length <= size; length <<= 1)
        {
            var angle = (inverse ? 2 : -2) * Math.PI / length;
            var step = new Complex(Math.Cos(angle), Math.Sin(angle));
            var twiddle = Complex.One;
            for (var k = 0; k < length / 2; k++)
            {
                twiddles[length / 2 - 1 + k] = twiddle;
                twiddle *= step;
            }
        }

        return twiddles;
    }

    /// <summary>In-place iterative Cooley–Tukey transform; the length must be a power of two.</summary>
    private static void Radix2(Span<Complex> values, Complex[] twiddles)
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
            var half = length / 2;
            var stage = twiddles.AsSpan(half - 1, half);
            if (Avx.IsSupported && half >= 2)
            {
                PairedButterflies(values, stage, length);
                continue;
            }

            for (var start = 0; start < n; start += length)
            {
                for (var k = 0; k < half; k++)
                {
                    var even = values[start + k];
                    var odd = values[start + k + half] * stage[k];
                    values[start + k] = even + odd;
                    values[start + k + half] = even - odd;
                }
            }
        }
    }

    /// <summary>
    /// One stage's butterflies two at a time, a complex number per half of a 256-bit register. Each product is
    /// <see cref="Complex"/>'s own, (a + bi)(c + di) = (ac − bd) + (bc + ad)i with every term rounded as it rounds
    /// them, so the result is the scalar loop's to the bit.
    /// </summary>
    private static void PairedButterflies(Span<Complex> values, ReadOnlySpan<Complex> stage, int length)
    {
        var half = length / 2;
        ref var value = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(values));
        ref var twiddle = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(stage));
        for (var start = 0; start < values.Length; start += length)
        {
            for (var k = 0; k < half; k += 2)
            {
                var w = Vector256.LoadUnsafe(ref twiddle, (nuint)(2 * k));
                var evenAt = (nuint)(2 * (start + k));
                var oddAt = (nuint)(2 * (start + k + half));
                var odd = Vector256.LoadUnsafe(ref value, oddAt);
                // (a, b) × (c, c) and (b, a) × (d, d), then the first pair subtracted and the second added.
                var turned = Avx.AddSubtract(
                    Avx.Multiply(odd, Avx.Permute(w, 0b0000)),
                    Avx.Multiply(Avx.Permute(odd, 0b0101), Avx.Permute(w, 0b1111)));
                var even = Vector256.LoadUnsafe(ref value, evenAt);
                Avx.Add(even, turned).StoreUnsafe(ref value, evenAt);
                Avx.Subtract(even, turned).StoreUnsafe(ref value, oddAt);
            }
        }
    }

    /// <summary>Any length as a convolution with a chirp, done by power-of-two transforms of at least twice the length.</summary>
    /// <remarks>
    /// The padded work buffer is borrowed: it is several times the series (16 MB for a four-hour session at 30 Hz), and a
    /// new one for each of the thousands of transforms of a set of surrogates let the heap grow far beyond what is in use.
    /// </remarks>
    private void Bluestein(Span<Complex> values, Chirp chirp)
    {
        var n = values.Length;
        var size = chirp.Spectrum.Length;
        var pool = _padded!;
        var borrowed = pool.Rent(size);
        try
        {
            var a = borrowed.AsSpan(0, size);
            for (var k = 0; k < n; k++)
                a[k] = values[k] * chirp.Factors[k];
            a[n..].Clear();
            Radix2(a, _forwardTwiddles);
            for (var k = 0; k < size; k++)
                a[k] *= chirp.Spectrum[k];
            Radix2(a, _inverseTwiddles);
            for (var k = 0; k < n; k++)
                values[k] = a[k] / size * chirp.Factors[k];
        }
        finally
        {
            pool.Return(borrowed);
        }
    }

    /// <summary>Bluestein's chirp of one direction and the spectrum of its conjugate, padded to the transform size.</summary>
    private sealed class Chirp
    {
        public Chirp(int n, int size, bool inverse, Complex[] forwardTwiddles)
        {
            Factors = new Complex[n];
            for (var k = 0; k < n; k++)
            {
                // k² mod 2n keeps the angle exact for long series.
                var angle = (inverse ? 1 : -1) * Math.PI * ((long)k * k % (2L * n)) / n;
                Factors[k] = new Complex(Math.Cos(angle), Math.Sin(angle));
            }

            Spectrum = new Complex[size];
            Spectrum[0] = Complex.Conjugate(Factors[0]);
            for (var k = 1; k < n; k++)
                Spectrum[k] = Spectrum[size - k] = Complex.Conjugate(Factors[k]);
            Radix2(Spectrum, forwardTwiddles);
        }

        public Complex[] Factors { get; }
        public Complex[] Spectrum { get; }
    }
}
