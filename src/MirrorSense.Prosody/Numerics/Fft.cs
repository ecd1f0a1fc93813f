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
        var bits = BitOperations.Log2((uint)size);
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
    /// The first three radix-2 stages run fused, eight points at a time in registers; the later ones a vector of
    /// butterflies at a time. Every butterfly does the same arithmetic with the
    /// same twiddles as a plain stage-by-stage loop, so the results are identical to it, bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot at frame rate: optimised from the first call, not after tiering
    public void TransformReordered(Span<double> re, Span<double> im, bool inverse)
    {
        if (re.Length != Size || im.Length != Size)
            throw new ArgumentException($"Both parts must hold exactly {Size} values.");
        ref var r = ref MemoryMarshal.GetReference(re);
        ref var m = ref MemoryMarshal.GetReference(im);
        var sign = inverse ? 1.0 : -1.0;
        var half = 1;
        if (Size >= 8)
        {
            FirstThreeStages(ref r, ref m, sign);
            half = 8;
        }
        for (; half < Size; half <<= 1)
            Stage(ref r, ref m, half, sign);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FirstThreeStages(ref double r, ref double m, double sign)
    {
        // Twiddles of stages 1 (index 0), 2 (1, 2) and 3 (3..6), from the same tables the other stages use.
        ReadOnlySpan<double> c = _cos.AsSpan(0, 7);
        ReadOnlySpan<double> s = _sin.AsSpan(0, 7);
        double c0 = c[0], s0 = sign * s[0], c1 = c[1], s1 = sign * s[1], c2 = c[2], s2 = sign * s[2];
        double c3 = c[3], s3 = sign * s[3], c4 = c[4], s4 = sign * s[4], c5 = c[5], s5 = sign * s[5], c6 = c[6], s6 = sign * s[6];
        for (var start = 0; start < Size; start += 8)
        {
            ref var xr = ref Unsafe.Add(ref r, start);
            ref var xi = ref Unsafe.Add(ref m, start);
            double r0 = xr, r1 = Unsafe.Add(ref xr, 1), r2 = Unsafe.Add(ref xr, 2), r3 = Unsafe.Add(ref xr, 3);
            double r4 = Unsafe.Add(ref xr, 4), r5 = Unsafe.Add(ref xr, 5), r6 = Unsafe.Add(ref xr, 6), r7 = Unsafe.Add(ref xr, 7);
            double i0 = xi, i1 = Unsafe.Add(ref xi, 1), i2 = Unsafe.Add(ref xi, 2), i3 = Unsafe.Add(ref xi, 3);
            double i4 = Unsafe.Add(ref xi, 4), i5 = Unsafe.Add(ref xi, 5), i6 = Unsafe.Add(ref xi, 6), i7 = Unsafe.Add(ref xi, 7);
            Butterfly(ref r0, ref i0, ref r1, ref i1, c0, s0);
            Butterfly(ref r2, ref i2, ref r3, ref i3, c0, s0);
            Butterfly(ref r4, ref i4, ref r5, ref i5, c0, s0);
            Butterfly(ref r6, ref i6, ref r7, ref i7, c0, s0);
            Butterfly(ref r0, ref i0, ref r2, ref i2, c1, s1);
            Butterfly(ref r1, ref i1, ref r3, ref i3, c2, s2);
            Butterfly(ref r4, ref i4, ref r6, ref i6, c1, s1);
            Butterfly(ref r5, ref i5, ref r7, ref i7, c2, s2);
            Butterfly(ref r0, ref i0, ref r4, ref i4, c3, s3);
            Butterfly(ref r1, ref i1, ref r5, ref i5, c4, s4);
            Butterfly(ref r2, ref i2, ref r6, ref i6, c5, s5);
            Butterfly(ref r3, ref i3, ref r7, ref i7, c6, s6);
            xr = r0; Unsafe.Add(ref xr, 1) = r1; Unsafe.Add(ref xr, 2) = r2; Unsafe.Add(ref xr, 3) = r3;
            Unsafe.Add(ref xr, 4) = r4; Unsafe.Add(ref xr, 5) = r5; Unsafe.Add(ref xr, 6) = r6; Unsafe.Add(ref xr, 7) = r7;
            xi = i0; Unsafe.Add(ref xi, 1) = i1; Unsafe.Add(ref xi, 2) = i2; Unsafe.Add(ref xi, 3) = i3;
            Unsafe.Add(ref xi, 4) = i4; Unsafe.Add(ref xi, 5) = i5; Unsafe.Add(ref xi, 6) = i6; Unsafe.Add(ref xi, 7) = i7;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly(ref double ar, ref double ai, ref double br, ref double bi, double wr, double wi)
    {
        var tr = wr * br - wi * bi;
        var ti = wr * bi + wi * br;
        var yr = ar;
        var yi = ai;
        br = yr - tr;
        bi = yi - ti;
        ar = yr + tr;
        ai = yi + ti;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Stage(ref double r, ref double m, int half, double sign)
    {
        ref var stageCos = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_cos), half - 1);
        ref var stageSin = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_sin), half - 1);
        for (var start = 0; start < Size; start += 2 * half)
        {
            ref var ar = ref Unsafe.Add(ref r, start);
            ref var ai = ref Unsafe.Add(ref m, start);
            ref var br = ref Unsafe.Add(ref r, start + half);
            ref var bi = ref Unsafe.Add(ref m, start + half);
            var k = 0;
            // Butterflies of one group are independent and their twiddles contiguous: do a vector's worth at once.
            if (Vector.IsHardwareAccelerated && half >= Vector<double>.Count)
            {
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
                Butterfly(ref Unsafe.Add(ref ar, k), ref Unsafe.Add(ref ai, k), ref Unsafe.Add(ref br, k), ref Unsafe.Add(ref bi, k),
                    Unsafe.Add(ref stageCos, k), sign * Unsafe.Add(ref stageSin, k));
        }
    }
}
