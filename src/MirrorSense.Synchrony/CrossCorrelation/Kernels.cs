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
