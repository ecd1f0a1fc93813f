using MirrorSense.Core;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Tests.Surrogates;

public sealed class SegmentShuffleTests
{
    private static readonly DyadSeries Dyad = DyadSeries.FromArrays("ramp", 10,
        [.. Enumerable.Range(0, 95).Select(i => (double)i)], [.. Enumerable.Range(0, 95).Select(i => 1000.0 + i)]);

    [Fact]
    public void The_same_seed_gives_the_same_surrogates_and_another_seed_different_ones()
    {
        var first = new SegmentShuffle(1, seed: 42).Create(Dyad, 5);
        var again = new SegmentShuffle(1, seed: 42).Create(Dyad, 5);
        var other = new SegmentShuffle(1, seed: 43).Create(Dyad, 5);

        Assert.Equal(first.Select(s => s.Series.A.ToArray()), again.Select(s => s.Series.A.ToArray()));
        Assert.Equal(first.Select(s => s.Series.B.ToArray()), again.Select(s => s.Series.B.ToArray()));
        Assert.NotEqual(first.Select(s => s.Series.A.ToArray()), other.Select(s => s.Series.A.ToArray()));
    }

    [Fact]
    public void Segments_keep_their_contents_and_each_series_keeps_its_values_and_length()
    {
        foreach (var surrogate in new SegmentShuffle(1, seed: 1).Create(Dyad, 10))
        {
            Assert.Equal(Dyad.A.Order(), surrogate.Series.A.Order());
            Assert.Equal(Dyad.B.Order(), surrogate.Series.B.Order());
            // Within a segment the ramp still rises by one per sample: segments moved whole.
            var a = surrogate.Series.A;
            for (var i = 1; i < a.Length; i++)
                Assert.True(a[i] == a[i - 1] + 1 || a[i] % 10 == 0, $"sample {i} breaks a segment");
        }
    }

    [Fact]
    public void A_and_B_are_shuffled_independently()
    {
        var surrogates = new SegmentShuffle(1, seed: 9).Create(Dyad, 20);

        Assert.Contains(surrogates, s => !s.Series.A.Select(v => v + 1000).SequenceEqual(s.Series.B));
    }

    [Fact]
    public void A_series_shorter_than_two_segments_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new SegmentShuffle(30, seed: 1).Create(Dyad, 1));
        Assert.Contains("ramp", error.Message);
    }
}
