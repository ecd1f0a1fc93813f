using System.Collections.Immutable;

namespace MirrorSense.Synchrony.Preprocessing;

/// <summary>
/// A series at a lower rate: the mean of every block of <c>factor</c> samples, missing unless at least half of the
/// block is present (so a face seen for one frame of three does not stand for all three).
/// </summary>
internal static class BlockMeans
{
    public static ImmutableArray<double> Of(ReadOnlySpan<double> values, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        var output = new double[values.Length / factor];
        for (var block = 0; block < output.Length; block++)
        {
            double sum = 0;
            var present = 0;
            foreach (var value in values.Slice(block * factor, factor))
            {
                if (double.IsNaN(value))
                    continue;
                sum += value;
                present++;
            }

            output[block] = 2 * present >= factor ? sum / present : double.NaN;
        }

        return [.. output];
    }
}
