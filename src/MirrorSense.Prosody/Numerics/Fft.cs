namespace MirrorSense.Prosody.Numerics;

/// <summary>
/// An in-place radix-2 complex FFT of one fixed power-of-two size. Twiddle factors and the bit-reversal table
/// are computed once in the constructor, so transforms at frame rate allocate nothing.
/// </summary>
internal sealed class Fft
{
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly int[] _bitReversed;

    public Fft(int size)
    {
        if (size < 2 || (size & (size - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(size), size, "The FFT size must be a power of two of at least 2.");
        Size = size;
        _cos = new double[size / 2];
        _sin = new double[size / 2];
        for (var k = 0; k < size / 2; k++)
        {
            _cos[k] = Math.Cos(2 * Math.PI * k / size);
            _sin[k] = Math.Sin(2 * Math.PI * k / size);
        }
        _bitReversed = new int[size];
        var bits = System.Numerics.BitOperations.Log2((uint)size);
        for (var i = 0; i < size; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++)
                r |= ((i >> b) & 1) << (bits - 1 - b);
            _bitReversed[i] = r;
        }
    }

    public int Size { get; }

    /// <summary>Forward transform (e^{-i...}) when <paramref name="inverse"/> is false; unnormalised either way.</summary>
    public void Transform(Span<double> re, Span<double> im, bool inverse)
    {
        if (re.Length != Size || im.Length != Size)
            throw new ArgumentException($"Both parts must hold exactly {Size} values.");
        for (var i = 0; i < Size; i++)
        {
            var j = _bitReversed[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
        var sign = inverse ? 1.0 : -1.0;
        for (var length = 2; length <= Size; length <<= 1)
        {
            var half = length >> 1;
            var stride = Size / length;
            for (var start = 0; start < Size; start += length)
            {
                for (var k = 0; k < half; k++)
                {
                    var wr = _cos[k * stride];
                    var wi = sign * _sin[k * stride];
                    var a = start + k;
                    var b = a + half;
                    var tr = wr * re[b] - wi * im[b];
                    var ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
