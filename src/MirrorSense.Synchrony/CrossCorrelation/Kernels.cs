using System.Numerics;
using System.Runtime.InteropServices;

namespace MirrorSense.Synchrony.CrossCorrelation;

/// <summary>Vectorised inner loops of the batch correlator.</summary>
internal static class Kernels
{
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && x.Length >= 2 * Vector<double>.Count)
        {
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var yv = MemoryMarshal.Cast<double, Vector<double>>(y);
            var pairs = Math.Min(xv.Length, yv.Length) & ~1;
            for (var v = 0; v < pairs; v += 2)
            {
                acc0 = Vector.FusedMultiplyAdd(xv[v], yv[v], acc0);
                acc1 = Vector.FusedMultiplyAdd(xv[v + 1], yv[v + 1], acc1);
            }

            sum = Vector.Sum(acc0 + acc1);
            i = pairs * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
            sum = Math.FusedMultiplyAdd(x[i], y[i], sum);
        return sum;
    }

    /// <summary>How many shifts <see cref="ShiftedDots"/> works on side by side.</summary>
    public const int ShiftsAtOnce = 4;

    /// <summary>
    /// <c>dots[j] = Dot(x, shifted[(shift + j)..][..x.Length])</c>, each summed exactly as <see cref="Dot"/> sums it. With
    /// <see cref="ShiftsAtOnce"/> shifts the products go into eight running sums at once, which keeps the multiply-add
    /// units busy where a single dot product waits on its own two sums; the loads of x are shared too.
    /// </summary>
    public static void ShiftedDots(ReadOnlySpan<double> x, ReadOnlySpan<double> shifted, int shift, Span<double> dots)
    {
        var n = x.Length;
        if (dots.Length != ShiftsAtOnce || !Vector.IsHardwareAccelerated || n < 2 * Vector<double>.Count)
        {
            for (var j = 0; j < dots.Length; j++)
                dots[j] = Dot(x, shifted.Slice(shift + j, n));
            return;
        }

        // The one bounds check for the unchecked loads below.
        ArgumentOutOfRangeException.ThrowIfLessThan(shifted.Length, shift + ShiftsAtOnce - 1 + n, nameof(shifted));
        var width = Vector<double>.Count;
        var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
        var pairs = xv.Length & ~1;
        ref var y = ref MemoryMarshal.GetReference(shifted);
        Vector<double> even0 = default, odd0 = default, even1 = default, odd1 = default;
        Vector<double> even2 = default, odd2 = default, even3 = default, odd3 = default;
        for (var v = 0; v < pairs; v += 2)
        {
            var (xEven, xOdd) = (xv[v], xv[v + 1]);
            var at = (nuint)(shift + v * width);
            var next = at + (nuint)width;
            even0 = Vector.FusedMultiplyAdd(xEven, Vector.LoadUnsafe(ref y, at), even0);
            odd0 = Vector.FusedMultiplyAdd(xOdd, Vector.LoadUnsafe(ref y, next), odd0);
            even1 = Vector.FusedMultiplyAdd(xEven, Vector.LoadUnsafe(ref y, at + 1), even1);
            odd1 = Vector.FusedMultiplyAdd(xOdd, Vector.LoadUnsafe(ref y, next + 1), odd1);
            even2 = Vector.FusedMultiplyAdd(xEven, Vector.LoadUnsafe(ref y, at + 2), even2);
            odd2 = Vector.FusedMultiplyAdd(xOdd, Vector.LoadUnsafe(ref y, next + 2), odd2);
            even3 = Vector.FusedMultiplyAdd(xEven, Vector.LoadUnsafe(ref y, at + 3), even3);
            odd3 = Vector.FusedMultiplyAdd(xOdd, Vector.LoadUnsafe(ref y, next + 3), odd3);
        }

        dots[0] = Vector.Sum(even0 + odd0);
        dots[1] = Vector.Sum(even1 + odd1);
        dots[2] = Vector.Sum(even2 + odd2);
        dots[3] = Vector.Sum(even3 + odd3);
        for (var i = pairs * width; i < n; i++)
        {
            for (var j = 0; j < ShiftsAtOnce; j++)
                dots[j] = Math.FusedMultiplyAdd(x[i], shifted[shift + j + i], dots[j]);
        }
    }

    /// <summary>
    /// Pairs with x != y, counting only up to <paramref name="enough"/>: rMEA asks for two, and real
    /// series almost always differ within the first few samples, so this rarely reads far.
    /// </summary>
    public static int CountDiffering(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int enough)
    {
        var count = 0;
        for (var i = 0; i < x.Length && count < enough; i++)
            if (x[i] != y[i])
                count++;
        return count;
    }
}
