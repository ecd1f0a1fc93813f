using MirrorSense.Synchrony.Preprocessing;

namespace MirrorSense.Synchrony.Tests.Preprocessing;

public sealed class LocalCourseTests
{
    [Fact]
    public void A_steady_rise_leaves_nothing_behind_anywhere_even_at_the_ends()
    {
        var times = Enumerable.Range(0, 40).Select(i => 10.0 * i).ToArray();
        var rise = times.Select(t => 3 + 0.05 * t).ToArray();

        foreach (var fewest in new[] { 0, 3 })
            Assert.All(LocalCourse.Remove(times, rise, 15, fewest), d => Assert.Equal(0, d, 9));
    }

    [Fact]
    public void Values_that_vary_freely_keep_most_of_their_spread_when_the_course_reaches_out_to_three_neighbours_either_side()
    {
        // Given turn levels drawn anew every 10 s, and a course span of ±15 s that holds only three of them
        var random = new Random(3);
        var times = Enumerable.Range(0, 400).Select(i => 10.0 * i).ToArray();
        var levels = times.Select(_ => random.NextDouble() - 0.5).ToArray();

        var threePoints = Spread(LocalCourse.Remove(times, levels, 15)) / Spread(levels);
        var sevenPoints = Spread(LocalCourse.Remove(times, levels, 15, fewestEachSide: 3)) / Spread(levels);

        // Then a line through three points takes a third of the spread with it, and one through seven a seventh
        Assert.InRange(threePoints, 0.6, 0.72);
        Assert.InRange(sevenPoints, 0.8, 0.9);
    }

    [Fact]
    public void A_span_that_already_holds_enough_neighbours_is_not_widened()
    {
        var random = new Random(4);
        var times = Enumerable.Range(0, 200).Select(i => 0.5 * i).ToArray();
        var levels = times.Select(_ => random.NextDouble()).ToArray();

        Assert.Equal(LocalCourse.Remove(times, levels, 15), LocalCourse.Remove(times, levels, 15, fewestEachSide: 3));
    }

    private static double Spread(double[] values)
    {
        var mean = values.Average();
        return values.Average(v => (v - mean) * (v - mean));
    }
}
