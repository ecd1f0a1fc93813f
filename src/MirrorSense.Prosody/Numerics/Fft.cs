using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MirrorSense.Prosody.Numerics;

/// <summary>
/// An in-place radix-2 complex FFT of one fixed power-of-two size. The bit-reversal table and each stage's twiddle
/// factors (stored contiguously, stage after stage) are computed once in the constructor, so transforms at frame
/// rate allocate nothing and walk memory in order.
/// </summary>
internal sealed class Fft
{
    // Stage with half-length h uses twiddles e^{−2πik/(2h)}, k < h, stored at offset h − 1.
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly int[] _bitReversed;

    public Fft(int size)
    {
        if (size < 2 || (size & (size - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(size), size, "The FFT size must be a power of two of at least 2.");
        Size = size;
        _cos = new double[size];
        _sin = new double[size];
        for (var half = 1; half < size; half <<= 1)
        {
            for (var k = 0; k < half; k++)
            {
                // The same angles as a table of size N indexed with stride N / (2h), so values are identical.
                var angle = 2 * Math.PI * (k * (size / (2 * half))) / size;
                _cos[half - 1 + k] = Math.Cos(angle);
                _sin[half - 1 + k] = Math.Sin(angle);
            }
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

    /// <summary>Where sample i must be put for <see cref="TransformReordered"/> (its bit-reversed index).</summary>
    public ReadOnlySpan<int> BitReversed => _bitReversed;

    /// <summary>Forward transform (e^{-i...}) when <paramref name="inverse"/> is false; unnormalised either way.</summary>
    public void Transform(Span<double> re, Span<double> im, bool inverse)
    {
        if (re.Length != Size || im.Length != Size)
            throw new ArgumentException($"Both parts must hold exactly {Size} values.");
        ref var r = ref MemoryMarshal.GetReference(re);
        ref var m = ref MemoryMarshal.GetReference(im);
        ref var reversed = ref MemoryMarshal.GetArrayDataReference(_bitReversed);
        for (var i = 0; i < Size; i++)
        {
            var j = Unsafe.Add(ref reversed, i);
            if (j > i)
            {
                (Unsafe.Add(ref r, i), Unsafe.Add(ref r, j)) = (Unsafe.Add(ref r, j), Unsafe.Add(ref r, i));
                (Unsafe.Add(ref m, i), Unsafe.Add(ref m, j)) = (Unsafe.Add(ref m, j), Unsafe.Add(ref m, i));
            }
        }
        TransformReordered(re, im, inverse);
    }

    /// <summary>
    /// The transform of input that the caller already stored in bit-reversed order (sample i at
    /// <see cref="BitReversed"/>[i]), which saves the reordering pass when the input is being copied anyway.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot at frame rate: optimised from the first call, not after tiering
    public void TransformReordered(Span<double> re, Span<double> im, bool inverse)
    {
        if (re.Length != Size || im.Length != Size)
            throw new ArgumentException($"Both parts must hold exactly {Size} values.");
        ref var r = ref MemoryMarshal.GetReference(re);
        ref var m = ref MemoryMarshal.GetReference(im);
        var sign = inverse ? 1.0 : -1.0;
        ref var cosines = ref MemoryMarshal.GetArrayDataReference(_cos);
        ref var sines = ref MemoryMarshal.GetArrayDataReference(_sin);
        for (var half = 1; half < Size; half <<= 1)
        {
            ref var stageCos = ref Unsafe.Add(ref cosines, half - 1);
            ref var stageSin = ref Unsafe.Add(ref sines, half - 1);
            for (var start = 0; start < Size; start += 2 * half)
            {
                ref var ar = ref Unsafe.Add(ref r, start);
                ref var ai = ref Unsafe.Add(ref m, start);
                ref var br = ref Unsafe.Add(ref r, start + half);
                ref var bi = ref Unsafe.Add(ref m, start + half);
                var k = 0;
                if (Vector.IsHardwareAccelerated && half >= Vector<double>.Count)
                {
                    // Butterflies of one group are independent and their twiddles contiguous: do a vector's worth at once.
                    var vectorSign = new Vector<double>(sign);
                    for (; k <= half - Vector<double>.Count; k += Vector<double>.Count)
                    {
                        var offset = (nuint)k;
                        var wr = Vector.LoadUnsafe(ref stageCos, offset);
                        var wi = vectorSign * Vector.LoadUnsafe(ref stageSin, offset);
                        var xr = Vector.LoadUnsafe(ref br, offset);
                        var xi = Vector.LoadUnsafe(ref bi, offset);
                        var tr = wr * xr - wi * xi;
                        var ti = wr * xi + wi * xr;
                        var yr = Vector.LoadUnsafe(ref ar, offset);
                        var yi = Vector.LoadUnsafe(ref ai, offset);
                        (yr - tr).StoreUnsafe(ref br, offset);
                        (yi - ti).StoreUnsafe(ref bi, offset);
                        (yr + tr).StoreUnsafe(ref ar, offset);
                        (yi + ti).StoreUnsafe(ref ai, offset);
                    }
                }
                for (; k < half; k++)
                {
                    var wr = Unsafe.Add(ref stageCos, k);
                    var wi = sign * Unsafe.Add(ref stageSin, k);
                    var xr = Unsafe.Add(ref br, k);
                    var xi = Unsafe.Add(ref bi, k);
                    var tr = wr * xr - wi * xi;
                    var ti = wr * xi + wi * xr;
                    var yr = Unsafe.Add(ref ar, k);
                    var yi = Unsafe.Add(ref ai, k);
                    Unsafe.Add(ref br, k) = yr - tr;
                    Unsafe.Add(ref bi, k) = yi - ti;
                    Unsafe.Add(ref ar, k) = yr + tr;
                    Unsafe.Add(ref ai, k) = yi + ti;
                }
            }
        }
    }
}
