using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Tests.Surrogates;

public sealed class WindowedEventRotationTests
{
    [Fact]
    public void Every_window_keeps_its_number_of_events_and_the_events_stay_in_the_session()
    {
        // Given 73 events spread unevenly over 1,000 samples: crowded early, sparse late, none in between
        var random = new Random(5);
        int[] events = [.. Enumerable.Range(0, 60).Select(_ => random.Next(0, 300)).Concat(Enumerable.Range(0, 13).Select(_ => random.Next(600, 1000))).Order()];

        for (var draw = 0; draw < 50; draw++)
        {
            // When they are rotated within windows of 70 samples (the last window 20 long)
            var rotated = WindowedEventRotation.Rotate(events, 1000, 70, random);

            // Then each window holds as many events as before, in order and inside the session
            Assert.Equal(events.Length, rotated.Length);
            Assert.Equal(rotated.Order(), rotated);
            Assert.All(rotated, e => Assert.InRange(e, 0, 999));
            Assert.Equal(events.CountBy(e => e / 70), rotated.CountBy(e => e / 70));
        }
    }

    [Fact]
    public void Events_of_one_window_move_together_so_their_spacing_survives_except_across_the_wrap()
    {
        // Given three nods 5 samples apart inside one window of 100
        int[] events = [40, 45, 50];

        var gaps = Enumerable.Range(0, 200).Select(seed =>
        {
            var rotated = WindowedEventRotation.Rotate(events, 100, 100, new Random(seed));
            return rotated.Zip(rotated.Skip(1), (x, y) => y - x).ToArray();
        }).ToArray();

        // Then they stay 5 apart unless the rotation wraps one of them round the window's end
        Assert.All(gaps, g => Assert.True(g.SequenceEqual([5, 5]) || g.Contains(90), string.Join(',', g)));
        Assert.True(gaps.Count(g => g.SequenceEqual([5, 5])) > 150);
    }

    [Fact]
    public void The_timing_within_a_window_is_broken_evenly()
    {
        // Given one event at sample 3 of a 10-sample window, rotated many times
        var random = new Random(9);
        var positions = Enumerable.Range(0, 10_000).Select(_ => WindowedEventRotation.Rotate([3], 10, 10, random)[0]).ToArray();

        // Then it lands on each of the ten samples about as often
        Assert.All(Enumerable.Range(0, 10), p => Assert.InRange(positions.Count(x => x == p), 850, 1150));
    }
}
