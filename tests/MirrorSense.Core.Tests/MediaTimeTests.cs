using MirrorSense.Core;

namespace MirrorSense.Core.Tests;

public sealed class MediaTimeTests
{
    [Fact]
    public void Seconds_round_trip_through_whole_microseconds()
    {
        Assert.Equal(1_500_000, MediaTime.FromSeconds(1.5).Microseconds);
        Assert.Equal(1.5, MediaTime.FromSeconds(1.5).Seconds);
        Assert.Equal(40_000, MediaTime.FromSeconds(0.04).Microseconds);
    }

    [Theory]
    [InlineData(0, 25, 0)]
    [InlineData(1, 25, 40_000)]
    [InlineData(3, 30, 100_000)]
    [InlineData(1, 30, 33_333)]
    public void The_time_of_a_sample_is_its_index_over_the_rate(long index, double rate, long expectedMicroseconds)
    {
        Assert.Equal(expectedMicroseconds, MediaTime.OfSample(index, rate).Microseconds);
    }

    [Fact]
    public void A_sample_time_maps_back_to_its_index_despite_microsecond_rounding()
    {
        for (var i = 0L; i < 10_000; i++)
            Assert.Equal(i, MediaTime.OfSample(i, 30).ToSampleIndex(30));
    }

    [Fact]
    public void Times_order_and_subtract_like_durations()
    {
        var early = MediaTime.FromSeconds(1);
        var late = MediaTime.FromSeconds(2.5);

        Assert.True(early < late);
        Assert.Equal(TimeSpan.FromSeconds(1.5), late - early);
        Assert.Equal(late, early + TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public void A_non_finite_time_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MediaTime.FromSeconds(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => MediaTime.FromSeconds(double.PositiveInfinity));
    }
}
