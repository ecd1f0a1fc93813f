using System.Numerics;
using System.Runtime.InteropServices;

namespace MirrorSense.Synchrony.CrossCorrelation;

/// <summary>Vectorised inner loops of the batch correlator.</summary>
internal static class Kernels
{
    public static double CentredProducts(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double meanX, double meanY)
    {
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && x.Length >= 2 * Vector<double>.Count)
        {
            var mx = new Vector<double>(meanX);
            var my = new Vector<double>(meanY);
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var yv = MemoryMarshal.Cast<double, Vector<double>>(y);
            var pairs = Math.Min(xv.Length, yv.Length) & ~1;
            for (var v = 0; v < pairs; v += 2)
            {
                acc0 += (xv[v] - mx) * (yv[v] - my);
                acc1 += (xv[v + 1] - mx) * (yv[v + 1] - my);
            }

            sum = Vector.Sum(acc0 + acc1);
            i = pairs * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
            sum += (x[i] - meanX) * (y[i] - meanY);
        return sum;
    }

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

    public static double CentredSquares(ReadOnlySpan<double> x, double mean) => CentredProducts(x, x, mean, mean);

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
