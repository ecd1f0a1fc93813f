using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Tests.Surrogates;

public sealed class CircularShiftsTests
{
    [Fact]
    public void A_rotation_is_compared_with_the_real_alignment_over_exactly_the_windows_it_kept()
    {
        // Given 60 samples, windows of 10 (+2 lag) every 4, and B rotated by 25 (its seam at sample 35)
        var random = new Random(1);
        var dyad = DyadSeries.FromArrays("d", 1, [.. Enumerable.Range(0, 60).Select(_ => random.NextDouble())], [.. Enumerable.Range(0, 60).Select(_ => random.NextDouble())]);
        var settings = new CrossCorrelationSettings(1, 2, 10, 4, fisherZ: true, absolute: false);
        var real = WindowedCrossCorrelation.Compute(dyad, settings);
        var rotated = CircularShifts.WithoutSeam(WindowedCrossCorrelation.Compute(dyad.WithSeries(dyad.A, Segments.Rotate(dyad.B, 25)), settings), 35);

        // When the real alignment is cut to the rotation's windows
        var same = CircularShifts.SameWindows(real, rotated);

        // Then both hold the windows that end by sample 34 or start at 35 or later, and the real ones are unchanged
        int[] expected = [.. Enumerable.Range(0, real.Windows.Length).Where(w => w * 4 + 11 < 35 || w * 4 >= 35)];
        Assert.Equal(expected, rotated.Windows.Select(w => w.Index));
        Assert.Equal(expected, same.Windows.Select(w => w.Index));
        Assert.All(same.Windows, w => Assert.Equal(real.Windows[w.Index].Values, w.Values));
    }
}
