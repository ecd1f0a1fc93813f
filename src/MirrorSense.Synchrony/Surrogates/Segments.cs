using System.Collections.Immutable;

namespace MirrorSense.Synchrony.Surrogates;

/// <summary>Cutting a series into fixed-length segments and putting them back in another order.</summary>
internal static class Segments
{
    public static int[] Permutation(Random random, int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

    /// <summary>The segments of <paramref name="segment"/> samples in the given order; the last one may be shorter.</summary>
    public static ImmutableArray<double> Reorder(ImmutableArray<double> series, int segment, int[] order)
    {
        var output = ImmutableArray.CreateBuilder<double>(series.Length);
        foreach (var s in order)
        {
            var start = s * segment;
            output.AddRange(series.AsSpan(start, Math.Min(segment, series.Length - start)));
        }

        return output.MoveToImmutable();
    }

    /// <summary>The series starting at <paramref name="offset"/> and wrapping round to its beginning.</summary>
    public static ImmutableArray<double> Rotate(ImmutableArray<double> series, int offset) =>
        [.. series.AsSpan()[offset..], .. series.AsSpan()[..offset]];
}
