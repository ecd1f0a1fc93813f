using MirrorSense.Core;

namespace MirrorSense.Core.Tests;

public sealed class DyadSeriesTests
{
    [Fact]
    public void Series_of_different_lengths_are_refused_with_the_dyad_name()
    {
        var error = Assert.Throws<ArgumentException>(() => DyadSeries.FromArrays("d7", 25, new double[10], new double[9]));
        Assert.Contains("d7", error.Message);
    }

    [Fact]
    public void A_participant_indexes_its_own_series()
    {
        var dyad = DyadSeries.FromArrays("d", 10, [1, 2], [3, 4]);

        Assert.Equal([1.0, 2.0], dyad[Participant.A].ToArray());
        Assert.Equal([3.0, 4.0], dyad[Participant.B].ToArray());
        Assert.Equal(Participant.B, Participant.A.Partner());
    }

    [Fact]
    public void Duration_follows_from_length_and_rate()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), DyadSeries.FromArrays("d", 25, new double[50], new double[50]).Duration);
    }

    [Fact]
    public void A_rate_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DyadSeries.FromArrays("d", 0, [], []));
    }
}
