using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MirrorSense.Prosody.Numerics;

/// <summary>
/// An in-place radix-2 complex FFT of one fixed power-of-two size. The input permutation and each stage's twiddle
/// factors (stored contiguously, stage after stage) are computed once in the constructor, so transforms at frame
/// rate allocate nothing and walk memory in order.
/// </summary>
internal sealed class Fft
{
    // Stage with half-length h uses twiddles e^{−2πik/(2h)}, k < h, stored at offset h − 1.
    private readonly double[] _cos;
    private readonly double[] _sin;
    // −sin, the forward transform's imaginary twiddles (negation is exact, so they equal sign · sin).
    private readonly double[] _negatedSin;
    private readonly int[] _inputSlot;
    // The first three stages work on groups of eight points; the input holds point j of group g at j·_groups + g.
    private readonly int _groups;

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
        _negatedSin = [.. _sin.Select(v => -v)];
        _groups = size >= 8 ? size / 8 : 0;
        _inputSlot = new int[size];
        var bits = BitOperations.Log2((uint)size);
        for (var i = 0; i < size; i++)
        {
            var reversed = 0;
            for (var b = 0; b < bits; b++)
                reversed |= ((i >> b) & 1) << (bits - 1 - b);
            _inputSlot[i] = _groups > 0 ? (reversed & 7) * _groups + (reversed >> 3) : reversed;
        }
    }

    public int Size { get; }

    /// <summary>
    /// Where sample i must be put for <see cref="TransformFromSlots"/>: its bit-reversed position, with the points of
    /// each group of eight stored a group apart, so that the first three stages run four groups per vector.
    /// </summary>
    public ReadOnlySpan<int> InputSlot => _inputSlot;

    /// <summary>Forward transform (e^{-i...}) when <paramref name="inverse"/> is false; unnormalised either way.</summary>
    public void Transform(Span<double> re, Span<double> im, bool inverse)
    {
        if (re.Length != Size || im.Length != Size)
            throw new ArgumentException($"Both parts must hold exactly {Size} values.");
        // The convenient form, off the frame-rate path: permutes into fresh buffers, then transforms back into place.
        var slotRe = new double[Size];
        var slotIm = new double[Size];
        for (var i = 0; i < Size; i++)
        {
            slotRe[_inputSlot[i]] = re[i];
            slotIm[_inputSlot[i]] = im[i];
        }
        TransformFromSlots(slotRe, slotIm, re, im, inverse);
    }

    /// <summary>
    /// The transform of input that the caller already stored at <see cref="InputSlot"/> (sample i at
    /// <see cref="InputSlot"/>[i] of <paramref name="slotRe"/>, <paramref name="slotIm"/>), which saves a reordering
    /// pass when the input is being copied anyway; the result, in natural order, goes to <paramref name="re"/>,
    /// <paramref name="im"/>. The first three radix-2 stages run fused, eight points at a time in registers (four
    /// groups per vector where the processor allows); the later ones two stages per pass, a vector of butterflies at a
    /// time. Every butterfly does the same arithmetic with the same twiddles as a plain stage-by-stage loop, so the
    /// results are identical to it, bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot at frame rate: optimised from the first call, not after tiering
    public void TransformFromSlots(ReadOnlySpan<double> slotRe, ReadOnlySpan<double> slotIm, Span<double> re, Span<double> im, bool inverse)
    {
        if (slotRe.Length != Size || slotIm.Length != Size || re.Length != Size || im.Length != Size)
            throw new ArgumentException($"Every part must hold exactly {Size} values.");
        ref var r = ref MemoryMarshal.GetReference(re);
        ref var m = ref MemoryMarshal.GetReference(im);
        var sines = inverse ? _sin : _negatedSin;
        var half = 1;
        if (_groups == 0)
        {
            slotRe.CopyTo(re);
            slotIm.CopyTo(im);
        }
        else
        {
            FirstThreeStages(slotRe, slotIm, ref r, ref m, sines);
            half = 8;
        }
        for (; 2 * half < Size; half <<= 2)
            TwoStages(ref r, ref m, half, sines);
        if (half < Size)
            Stage(ref r, ref m, half, sines);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FirstThreeStages(ReadOnlySpan<double> slotRe, ReadOnlySpan<double> slotIm, ref double r, ref double m, double[] sines)
    {
        // Twiddles of stages 1 (index 0), 2 (1, 2) and 3 (3..6), from the same tables the other stages use.
        ReadOnlySpan<double> c = _cos.AsSpan(0, 7);
        ReadOnlySpan<double> s = sines.AsSpan(0, 7);
        double c0 = c[0], s0 = s[0], c1 = c[1], s1 = s[1], c2 = c[2], s2 = s[2];
        double c3 = c[3], s3 = s[3], c4 = c[4], s4 = s[4], c5 = c[5], s5 = s[5], c6 = c[6], s6 = s[6];
        ref var xr = ref MemoryMarshal.GetReference(slotRe);
        ref var xi = ref MemoryMarshal.GetReference(slotIm);
        var groups = _groups;
        var g = 0;
        if (Avx.IsSupported && groups >= Vector256<double>.Count)
        {
            for (; g < groups; g += Vector256<double>.Count)
            {
                var at = (nuint)g;
                var stride = (nuint)groups;
                Vector256<double> r0 = Vector256.LoadUnsafe(ref xr, at), r1 = Vector256.LoadUnsafe(ref xr, at + stride);
                Vector256<double> r2 = Vector256.LoadUnsafe(ref xr, at + 2 * stride), r3 = Vector256.LoadUnsafe(ref xr, at + 3 * stride);
                Vector256<double> r4 = Vector256.LoadUnsafe(ref xr, at + 4 * stride), r5 = Vector256.LoadUnsafe(ref xr, at + 5 * stride);
                Vector256<double> r6 = Vector256.LoadUnsafe(ref xr, at + 6 * stride), r7 = Vector256.LoadUnsafe(ref xr, at + 7 * stride);
                Vector256<double> i0 = Vector256.LoadUnsafe(ref xi, at), i1 = Vector256.LoadUnsafe(ref xi, at + stride);
                Vector256<double> i2 = Vector256.LoadUnsafe(ref xi, at + 2 * stride), i3 = Vector256.LoadUnsafe(ref xi, at + 3 * stride);
                Vector256<double> i4 = Vector256.LoadUnsafe(ref xi, at + 4 * stride), i5 = Vector256.LoadUnsafe(ref xi, at + 5 * stride);
                Vector256<double> i6 = Vector256.LoadUnsafe(ref xi, at + 6 * stride), i7 = Vector256.LoadUnsafe(ref xi, at + 7 * stride);
                EightPoints<Vector256<double>, Vector256Lanes>(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7, ref i0, ref i1, ref i2, ref i3, ref i4, ref i5, ref i6, ref i7,
                    Vector256.Create(c0), Vector256.Create(s0), Vector256.Create(c1), Vector256.Create(s1), Vector256.Create(c2), Vector256.Create(s2),
                    Vector256.Create(c3), Vector256.Create(s3), Vector256.Create(c4), Vector256.Create(s4), Vector256.Create(c5), Vector256.Create(s5),
                    Vector256.Create(c6), Vector256.Create(s6));
                // Lane q holds group g + q: transpose so that each group's eight points land side by side.
                var start = 8 * g;
                StoreTransposed(ref Unsafe.Add(ref r, start), r0, r1, r2, r3);
                StoreTransposed(ref Unsafe.Add(ref r, start + 4), r4, r5, r6, r7);
                StoreTransposed(ref Unsafe.Add(ref m, start), i0, i1, i2, i3);
                StoreTransposed(ref Unsafe.Add(ref m, start + 4), i4, i5, i6, i7);
            }
        }
        for (; g < groups; g++)
        {
            double r0 = Unsafe.Add(ref xr, g), r1 = Unsafe.Add(ref xr, g + groups), r2 = Unsafe.Add(ref xr, g + 2 * groups), r3 = Unsafe.Add(ref xr, g + 3 * groups);
            double r4 = Unsafe.Add(ref xr, g + 4 * groups), r5 = Unsafe.Add(ref xr, g + 5 * groups), r6 = Unsafe.Add(ref xr, g + 6 * groups), r7 = Unsafe.Add(ref xr, g + 7 * groups);
            double i0 = Unsafe.Add(ref xi, g), i1 = Unsafe.Add(ref xi, g + groups), i2 = Unsafe.Add(ref xi, g + 2 * groups), i3 = Unsafe.Add(ref xi, g + 3 * groups);
            double i4 = Unsafe.Add(ref xi, g + 4 * groups), i5 = Unsafe.Add(ref xi, g + 5 * groups), i6 = Unsafe.Add(ref xi, g + 6 * groups), i7 = Unsafe.Add(ref xi, g + 7 * groups);
            EightPoints<double, ScalarLanes>(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7, ref i0, ref i1, ref i2, ref i3, ref i4, ref i5, ref i6, ref i7,
                c0, s0, c1, s1, c2, s2, c3, s3, c4, s4, c5, s5, c6, s6);
            ref var yr = ref Unsafe.Add(ref r, 8 * g);
            ref var yi = ref Unsafe.Add(ref m, 8 * g);
            yr = r0; Unsafe.Add(ref yr, 1) = r1; Unsafe.Add(ref yr, 2) = r2; Unsafe.Add(ref yr, 3) = r3;
            Unsafe.Add(ref yr, 4) = r4; Unsafe.Add(ref yr, 5) = r5; Unsafe.Add(ref yr, 6) = r6; Unsafe.Add(ref yr, 7) = r7;
            yi = i0; Unsafe.Add(ref yi, 1) = i1; Unsafe.Add(ref yi, 2) = i2; Unsafe.Add(ref yi, 3) = i3;
            Unsafe.Add(ref yi, 4) = i4; Unsafe.Add(ref yi, 5) = i5; Unsafe.Add(ref yi, 6) = i6; Unsafe.Add(ref yi, 7) = i7;
        }
    }

    /// <summary>Stages 1–3 on eight points (one group per scalar, or one group per lane of a vector).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EightPoints<T, TLanes>(ref T r0, ref T r1, ref T r2, ref T r3, ref T r4, ref T r5, ref T r6, ref T r7,
        ref T i0, ref T i1, ref T i2, ref T i3, ref T i4, ref T i5, ref T i6, ref T i7,
        T c0, T s0, T c1, T s1, T c2, T s2, T c3, T s3, T c4, T s4, T c5, T s5, T c6, T s6)
        where TLanes : ILaneArithmetic<T>
    {
        // Stage 1: neighbours.
        Butterfly<T, TLanes>(ref r0, ref i0, ref r1, ref i1, c0, s0); Butterfly<T, TLanes>(ref r2, ref i2, ref r3, ref i3, c0, s0);
        Butterfly<T, TLanes>(ref r4, ref i4, ref r5, ref i5, c0, s0); Butterfly<T, TLanes>(ref r6, ref i6, ref r7, ref i7, c0, s0);
        // Stage 2: two apart.
        Butterfly<T, TLanes>(ref r0, ref i0, ref r2, ref i2, c1, s1); Butterfly<T, TLanes>(ref r1, ref i1, ref r3, ref i3, c2, s2);
        Butterfly<T, TLanes>(ref r4, ref i4, ref r6, ref i6, c1, s1); Butterfly<T, TLanes>(ref r5, ref i5, ref r7, ref i7, c2, s2);
        // Stage 3: four apart.
        Butterfly<T, TLanes>(ref r0, ref i0, ref r4, ref i4, c3, s3); Butterfly<T, TLanes>(ref r1, ref i1, ref r5, ref i5, c4, s4);
        Butterfly<T, TLanes>(ref r2, ref i2, ref r6, ref i6, c5, s5); Butterfly<T, TLanes>(ref r3, ref i3, ref r7, ref i7, c6, s6);
    }

    /// <summary>Writes the columns of the 4×4 block whose rows are <paramref name="a"/>..<paramref name="d"/>, one after another.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreTransposed(ref double destination, Vector256<double> a, Vector256<double> b, Vector256<double> c, Vector256<double> d)
    {
        var ab0 = Avx.UnpackLow(a, b);
        var ab1 = Avx.UnpackHigh(a, b);
        var cd0 = Avx.UnpackLow(c, d);
        var cd1 = Avx.UnpackHigh(c, d);
        Avx.Permute2x128(ab0, cd0, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(ab1, cd1, 0x20).StoreUnsafe(ref destination, 8);
        Avx.Permute2x128(ab0, cd0, 0x31).StoreUnsafe(ref destination, 16);
        Avx.Permute2x128(ab1, cd1, 0x31).StoreUnsafe(ref destination, 24);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly<T, TLanes>(ref T ar, ref T ai, ref T br, ref T bi, T wr, T wi)
        where TLanes : ILaneArithmetic<T>
    {
        var tr = TLanes.Subtract(TLanes.Multiply(wr, br), TLanes.Multiply(wi, bi));
        var ti = TLanes.Add(TLanes.Multiply(wr, bi), TLanes.Multiply(wi, br));
        var yr = ar;
        var yi = ai;
        br = TLanes.Subtract(yr, tr);
        bi = TLanes.Subtract(yi, ti);
        ar = TLanes.Add(yr, tr);
        ai = TLanes.Add(yi, ti);
    }

    /// <summary>
    /// The stages of half-lengths h and 2h at once: each group of 4h points is read and written once instead of twice.
    /// Point k of each quarter meets the same partners with the same twiddles, in the same order, as in two passes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TwoStages(ref double r, ref double m, int half, double[] sines)
    {
        ref var cos = ref MemoryMarshal.GetArrayDataReference(_cos);
        ref var sin = ref MemoryMarshal.GetArrayDataReference(sines);
        ref var firstCos = ref Unsafe.Add(ref cos, half - 1);
        ref var firstSin = ref Unsafe.Add(ref sin, half - 1);
        ref var secondCos = ref Unsafe.Add(ref cos, 2 * half - 1);
        ref var secondSin = ref Unsafe.Add(ref sin, 2 * half - 1);
        for (var start = 0; start < Size; start += 4 * half)
        {
            ref var ar = ref Unsafe.Add(ref r, start);
            ref var ai = ref Unsafe.Add(ref m, start);
            ref var br = ref Unsafe.Add(ref ar, half);
            ref var bi = ref Unsafe.Add(ref ai, half);
            ref var cr = ref Unsafe.Add(ref ar, 2 * half);
            ref var ci = ref Unsafe.Add(ref ai, 2 * half);
            ref var dr = ref Unsafe.Add(ref ar, 3 * half);
            ref var di = ref Unsafe.Add(ref ai, 3 * half);
            var k = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; k <= half - Vector256<double>.Count; k += Vector256<double>.Count)
                {
                    var at = (nuint)k;
                    var (xar, xai, xbr, xbi) = (Vector256.LoadUnsafe(ref ar, at), Vector256.LoadUnsafe(ref ai, at), Vector256.LoadUnsafe(ref br, at), Vector256.LoadUnsafe(ref bi, at));
                    var (xcr, xci, xdr, xdi) = (Vector256.LoadUnsafe(ref cr, at), Vector256.LoadUnsafe(ref ci, at), Vector256.LoadUnsafe(ref dr, at), Vector256.LoadUnsafe(ref di, at));
                    FourPoints<Vector256<double>, Vector256Lanes>(ref xar, ref xai, ref xbr, ref xbi, ref xcr, ref xci, ref xdr, ref xdi,
                        Vector256.LoadUnsafe(ref firstCos, at), Vector256.LoadUnsafe(ref firstSin, at),
                        Vector256.LoadUnsafe(ref secondCos, at), Vector256.LoadUnsafe(ref secondSin, at),
                        Vector256.LoadUnsafe(ref secondCos, at + (nuint)half), Vector256.LoadUnsafe(ref secondSin, at + (nuint)half));
                    xar.StoreUnsafe(ref ar, at); xai.StoreUnsafe(ref ai, at); xbr.StoreUnsafe(ref br, at); xbi.StoreUnsafe(ref bi, at);
                    xcr.StoreUnsafe(ref cr, at); xci.StoreUnsafe(ref ci, at); xdr.StoreUnsafe(ref dr, at); xdi.StoreUnsafe(ref di, at);
                }
            }
            for (; k < half; k++)
            {
                FourPoints<double, ScalarLanes>(ref Unsafe.Add(ref ar, k), ref Unsafe.Add(ref ai, k), ref Unsafe.Add(ref br, k), ref Unsafe.Add(ref bi, k),
                    ref Unsafe.Add(ref cr, k), ref Unsafe.Add(ref ci, k), ref Unsafe.Add(ref dr, k), ref Unsafe.Add(ref di, k),
                    Unsafe.Add(ref firstCos, k), Unsafe.Add(ref firstSin, k), Unsafe.Add(ref secondCos, k), Unsafe.Add(ref secondSin, k),
                    Unsafe.Add(ref secondCos, k + half), Unsafe.Add(ref secondSin, k + half));
            }
        }
    }

    /// <summary>Point k of the four quarters of a group: stage h pairs a with b and c with d, stage 2h a with c and b with d.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourPoints<T, TLanes>(ref T ar, ref T ai, ref T br, ref T bi, ref T cr, ref T ci, ref T dr, ref T di,
        T firstCos, T firstSin, T secondCos, T secondSin, T thirdCos, T thirdSin)
        where TLanes : ILaneArithmetic<T>
    {
        Butterfly<T, TLanes>(ref ar, ref ai, ref br, ref bi, firstCos, firstSin);
        Butterfly<T, TLanes>(ref cr, ref ci, ref dr, ref di, firstCos, firstSin);
        Butterfly<T, TLanes>(ref ar, ref ai, ref cr, ref ci, secondCos, secondSin);
        Butterfly<T, TLanes>(ref br, ref bi, ref dr, ref di, thirdCos, thirdSin);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Stage(ref double r, ref double m, int half, double[] sines)
    {
        ref var stageCos = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_cos), half - 1);
        ref var stageSin = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(sines), half - 1);
        for (var start = 0; start < Size; start += 2 * half)
        {
            ref var ar = ref Unsafe.Add(ref r, start);
            ref var ai = ref Unsafe.Add(ref m, start);
            ref var br = ref Unsafe.Add(ref r, start + half);
            ref var bi = ref Unsafe.Add(ref m, start + half);
            var k = 0;
            // Butterflies of one group are independent and their twiddles contiguous: do a vector's worth at once.
            if (Vector256.IsHardwareAccelerated)
            {
                for (; k <= half - Vector256<double>.Count; k += Vector256<double>.Count)
                {
                    var at = (nuint)k;
                    var (xar, xai, xbr, xbi) = (Vector256.LoadUnsafe(ref ar, at), Vector256.LoadUnsafe(ref ai, at), Vector256.LoadUnsafe(ref br, at), Vector256.LoadUnsafe(ref bi, at));
                    Butterfly<Vector256<double>, Vector256Lanes>(ref xar, ref xai, ref xbr, ref xbi, Vector256.LoadUnsafe(ref stageCos, at), Vector256.LoadUnsafe(ref stageSin, at));
                    xar.StoreUnsafe(ref ar, at); xai.StoreUnsafe(ref ai, at); xbr.StoreUnsafe(ref br, at); xbi.StoreUnsafe(ref bi, at);
                }
            }
            for (; k < half; k++)
                Butterfly<double, ScalarLanes>(ref Unsafe.Add(ref ar, k), ref Unsafe.Add(ref ai, k), ref Unsafe.Add(ref br, k), ref Unsafe.Add(ref bi, k),
                    Unsafe.Add(ref stageCos, k), Unsafe.Add(ref stageSin, k));
        }
    }
}
