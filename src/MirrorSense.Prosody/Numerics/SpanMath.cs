using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MirrorSense.Prosody.Numerics;

/// <summary>
/// The few whole-span loops that frame analysis runs at frame rate, a vector of values at a time (scalar where the
/// processor has no vectors, and for the tail). Element-wise operations give exactly the scalar results; sums add in
/// a different order than a plain loop, so they may differ from it in the last bits.
/// </summary>
internal static class SpanMath
{
    /// <summary>destination[i] = source[i], widened to double (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Widen(ReadOnlySpan<float> source, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, source.Length, nameof(destination));
        ref var from = ref MemoryMarshal.GetReference(source);
        ref var to = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref from, (nuint)i), out var lower, out var upper);
                lower.StoreUnsafe(ref to, (nuint)i);
                upper.StoreUnsafe(ref to, (nuint)(i + Vector<double>.Count));
            }
        }
        for (; i < source.Length; i++)
            Unsafe.Add(ref to, i) = Unsafe.Add(ref from, i);
    }

    /// <summary>The sum of the values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Sum(ReadOnlySpan<double> values)
    {
        ref var x = ref MemoryMarshal.GetReference(values);
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && values.Length >= 2 * Vector<double>.Count)
        {
            // Two accumulators halve the wait on each addition's latency.
            Vector<double> first = Vector<double>.Zero, second = Vector<double>.Zero;
            for (; i <= values.Length - 2 * Vector<double>.Count; i += 2 * Vector<double>.Count)
            {
                first += Vector.LoadUnsafe(ref x, (nuint)i);
                second += Vector.LoadUnsafe(ref x, (nuint)(i + Vector<double>.Count));
            }
            sum = Vector.Sum(first + second);
        }
        for (; i < values.Length; i++)
            sum += Unsafe.Add(ref x, i);
        return sum;
    }

    /// <summary>The largest absolute value (0 for no values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double MaxAbs(ReadOnlySpan<double> values)
    {
        ref var x = ref MemoryMarshal.GetReference(values);
        var i = 0;
        var max = 0.0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            var vector = Vector<double>.Zero;
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
                vector = Vector.Max(vector, Vector.Abs(Vector.LoadUnsafe(ref x, (nuint)i)));
            for (var k = 0; k < Vector<double>.Count; k++)
                max = Math.Max(max, vector[k]);
        }
        for (; i < values.Length; i++)
            max = Math.Max(max, Math.Abs(Unsafe.Add(ref x, i)));
        return max;
    }

    /// <summary>destination[i] = (x[i] − offset) · factor[i].</summary>
    public static void SubtractMultiply(ReadOnlySpan<double> x, double offset, ReadOnlySpan<double> factor, Span<double> destination) =>
        Map<SubtractThenMultiply>(x, offset, factor, destination);

    /// <summary>destination[i] = numerator[i] / (scale · denominator[i]).</summary>
    public static void DivideScaled(ReadOnlySpan<double> numerator, double scale, ReadOnlySpan<double> denominator, Span<double> destination) =>
        Map<DivideByScaled>(numerator, scale, denominator, destination);

    /// <summary>destination[i] = TOperation(a[i], scalar, b[i]), a vector at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Map<TOperation>(ReadOnlySpan<double> a, double scalar, ReadOnlySpan<double> b, Span<double> destination)
        where TOperation : struct, IElementOperation
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(b.Length, a.Length, nameof(b));
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, a.Length, nameof(destination));
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        ref var d = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vectorScalar = new Vector<double>(scalar);
            for (; i <= a.Length - Vector<double>.Count; i += Vector<double>.Count)
                TOperation.Apply(Vector.LoadUnsafe(ref x, (nuint)i), vectorScalar, Vector.LoadUnsafe(ref y, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
        }
        for (; i < a.Length; i++)
            Unsafe.Add(ref d, i) = TOperation.Apply(Unsafe.Add(ref x, i), scalar, Unsafe.Add(ref y, i));
    }

    private interface IElementOperation
    {
        static abstract double Apply(double a, double scalar, double b);
        static abstract Vector<double> Apply(Vector<double> a, Vector<double> scalar, Vector<double> b);
    }

    private readonly struct SubtractThenMultiply : IElementOperation
    {
        public static double Apply(double a, double scalar, double b) => (a - scalar) * b;
        public static Vector<double> Apply(Vector<double> a, Vector<double> scalar, Vector<double> b) => (a - scalar) * b;
    }

    private readonly struct DivideByScaled : IElementOperation
    {
        public static double Apply(double a, double scalar, double b) => a / (scalar * b);
        public static Vector<double> Apply(Vector<double> a, Vector<double> scalar, Vector<double> b) => a / (scalar * b);
    }

    /// <summary>Σ (x[i] − offset)² · weight[i], and Σ weight[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double WeightedSquares, double Weights) WeightedSquaredDeviations(ReadOnlySpan<double> x, double offset, ReadOnlySpan<double> weight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weight.Length, x.Length, nameof(weight));
        ref var a = ref MemoryMarshal.GetReference(x);
        ref var w = ref MemoryMarshal.GetReference(weight);
        var i = 0;
        double squares = 0.0, weights = 0.0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var vectorOffset = new Vector<double>(offset);
            Vector<double> squareSum = Vector<double>.Zero, weightSum = Vector<double>.Zero;
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var deviation = Vector.LoadUnsafe(ref a, (nuint)i) - vectorOffset;
                var weightVector = Vector.LoadUnsafe(ref w, (nuint)i);
                squareSum += deviation * deviation * weightVector;
                weightSum += weightVector;
            }
            squares = Vector.Sum(squareSum);
            weights = Vector.Sum(weightSum);
        }
        for (; i < x.Length; i++)
        {
            var deviation = Unsafe.Add(ref a, i) - offset;
            squares += deviation * deviation * Unsafe.Add(ref w, i);
            weights += Unsafe.Add(ref w, i);
        }
        return (squares, weights);
    }
}
