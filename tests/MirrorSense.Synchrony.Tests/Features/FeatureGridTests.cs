using System.Collections.Immutable;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Synchrony.Tests.Features;

public sealed class FeatureGridTests
{
    private static readonly FeatureSchema One = new(["x"]);
    private static readonly FeatureSchema Three = new(["x", "y", "z"]);

    private static FeatureFrame Frame(double seconds, double a, double b) => new(MediaTime.FromSeconds(seconds), One, [a], [b]);

    private static IReadOnlyList<FeatureSample> Stream(IEnumerable<FeatureFrame> frames, FeatureGridOptions options) =>
        frames.ToObservable().ResampleToGrid(options).ToList().Wait().ToList();

    [Fact]
    public void Frames_on_the_grid_come_out_unchanged()
    {
        var frames = Enumerable.Range(0, 60).Select(k => Frame(k / 30.0, Math.Sin(k), -k)).ToList();

        var grid = FeatureGrid.Resample(frames);

        Assert.Equal(60, grid.Count);
        for (var k = 0; k < 60; k++)
        {
            Assert.Equal(k, grid[k].Index);
            Assert.Equal(MediaTime.FromSeconds(k / 30.0), grid[k].Time);
            Assert.Equal(Math.Sin(k), grid[k].A[0]);
            Assert.Equal(-k, grid[k].B[0]);
        }
    }

    [Fact]
    public void A_straight_line_sampled_at_25_Hz_is_exact_on_the_30_Hz_grid()
    {
        // Given a ramp 2 + 3t measured at 25 Hz, with jitter in the frame times
        var random = new Random(7);
        var frames = Enumerable.Range(0, 101)
            .Select(k => k / 25.0 + (k is 0 or 100 ? 0 : (random.NextDouble() - 0.5) * 0.01))
            .Select(t => Frame(t, 2 + 3 * MediaTime.FromSeconds(t).Seconds, double.NaN))
            .ToList();

        var grid = FeatureGrid.Resample(frames);

        // Then every grid point up to the last frame lies on the ramp
        Assert.Equal(121, grid.Count);
        foreach (var sample in grid)
            Assert.Equal(2 + 3 * sample.Time.Seconds, sample.A[0], 10);
        Assert.All(grid, s => Assert.True(double.IsNaN(s.B[0])));
    }

    [Fact]
    public void A_short_gap_is_bridged_by_a_straight_line_and_a_long_one_stays_missing()
    {
        // Given values at 30 Hz with A missing 0.2 s (bridged) and later 0.5 s (too long), limit 0.25 s
        var frames = Enumerable.Range(0, 90).Select(k =>
        {
            var t = k / 30.0;
            var absent = (t > 0.5 && t < 0.7) || (t > 1.5 && t < 2.0);
            return Frame(t, absent ? double.NaN : 10 * t, 1);
        }).ToList();

        var grid = FeatureGrid.Resample(frames, new FeatureGridOptions(MaximumGapSeconds: 0.25));

        foreach (var s in grid.Where(s => s.Time.Seconds is > 0.5 and < 0.7))
            Assert.Equal(10 * s.Time.Seconds, s.A[0], 6);
        Assert.All(grid.Where(s => s.Time.Seconds is > 1.51 and < 1.99), s => Assert.True(double.IsNaN(s.A[0]), $"{s.Time}: {s.A[0]}"));
        Assert.Equal(10 * grid[45].Time.Seconds, grid[45].A[0], 6);
        Assert.All(grid, s => Assert.Equal(1, s.B[0]));
    }

    [Fact]
    public void Grid_points_before_the_first_frame_or_past_a_long_absence_are_missing()
    {
        // Given a participant first seen at 1 s, while the frames start at 0
        var frames = Enumerable.Range(0, 60).Select(k => Frame(k / 30.0, k < 30 ? double.NaN : 5, double.NaN)).ToList();

        var grid = FeatureGrid.Resample(frames);

        Assert.All(grid.Take(30), s => Assert.True(double.IsNaN(s.A[0])));
        Assert.All(grid.Skip(30), s => Assert.Equal(5, s.A[0]));
    }

    [Fact]
    public void The_grid_starts_at_its_origin_and_ends_at_the_last_frame()
    {
        var frames = new[] { Frame(0.95, 0, 0), Frame(1.05, 1, 1), Frame(1.2, 2.5, 2.5) };

        var grid = FeatureGrid.Resample(frames, new FeatureGridOptions(SampleRate: 10, Origin: MediaTime.FromSeconds(1)));

        Assert.Equal([0L, 1, 2], grid.Select(s => s.Index));
        Assert.Equal([1.0, 1.1, 1.2], grid.Select(s => s.Time.Seconds));
        Assert.Equal(0.5, grid[0].A[0], 12);
        Assert.Equal(1.5, grid[1].A[0], 12);
        Assert.Equal(2.5, grid[2].A[0], 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Streaming_gives_exactly_the_batch_grid(int seed)
    {
        // Given irregular frames (24–36 Hz) with dropouts of every length and values missing feature by feature
        var frames = RandomFrames(new Random(seed), seconds: 20);
        var options = new FeatureGridOptions(SampleRate: 30, MaximumGapSeconds: 0.2, Origin: MediaTime.FromSeconds(0.3));

        var batch = FeatureGrid.Resample(frames, options);
        var streamed = Stream(frames, options);

        Assert.Equal(batch.Count, streamed.Count);
        Assert.True(batch.Count > 500);
        for (var k = 0; k < batch.Count; k++)
        {
            Assert.Equal(batch[k].Time, streamed[k].Time);
            Assert.Equal(batch[k].Index, streamed[k].Index);
            Assert.Equal(batch[k].A.ToArray(), streamed[k].A.ToArray());
            Assert.Equal(batch[k].B.ToArray(), streamed[k].B.ToArray());
        }

        // And the gaps were there to be handled
        Assert.Contains(batch, s => double.IsNaN(s.A[0]));
        Assert.Contains(batch, s => !double.IsNaN(s.A[0]));
    }

    [Fact]
    public void A_grid_point_is_released_once_a_frame_a_gap_limit_later_has_arrived()
    {
        // Given frames pushed by hand, a 10 Hz grid and a 0.25 s gap limit
        var frames = new Subject<FeatureFrame>();
        var released = new List<FeatureSample>();
        using var _ = frames.ResampleToGrid(new FeatureGridOptions(SampleRate: 10, MaximumGapSeconds: 0.25)).Subscribe(released.Add);

        // When frames arrive up to 0.3 s, grid points up to 0.05 s are settled
        foreach (var t in new[] { 0.0, 0.1, 0.2, 0.3 })
            frames.OnNext(Frame(t, t, t));
        Assert.Equal([0L], released.Select(s => s.Index));

        // And at the end of the stream the rest follow
        frames.OnCompleted();
        Assert.Equal([0L, 1, 2, 3], released.Select(s => s.Index));
    }

    [Fact]
    public void Paced_live_a_grid_point_is_released_with_the_first_frame_at_or_after_it_and_interpolated_as_before()
    {
        // Given a 10 Hz grid released at the next frame, frames at 15 Hz on a ramp
        var frames = new Subject<FeatureFrame>();
        var released = new List<FeatureSample>();
        using var _ = frames.ResampleToGrid(new FeatureGridOptions(SampleRate: 10, MaximumGapSeconds: 0.25) { ReleaseAtNextFrame = true }).Subscribe(released.Add);

        // When frames arrive up to 0.2 s, every grid point up to 0.2 s has left, on the line
        foreach (var k in Enumerable.Range(0, 4))
            frames.OnNext(Frame(k / 15.0, 3 * MediaTime.FromSeconds(k / 15.0).Seconds, 1));
        Assert.Equal([0L, 1, 2], released.Select(s => s.Index));
        Assert.All(released, s => Assert.Equal(3 * s.Time.Seconds, s.A[0], 10));
    }

    [Fact]
    public void Frames_out_of_time_order_end_the_stream_with_an_error()
    {
        var frames = new[] { Frame(0.1, 0, 0), Frame(0.05, 0, 0) };

        Assert.Throws<InvalidOperationException>(() => FeatureGrid.Resample(frames));
        Assert.Throws<InvalidOperationException>(() => Stream(frames, FeatureGridOptions.Default));
    }

    [Fact]
    public void Resample_checks_its_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => FeatureGrid.Resample(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureGrid.Resample([], new FeatureGridOptions(SampleRate: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureGrid.Resample([], new FeatureGridOptions(MaximumGapSeconds: -1)));
        Assert.Throws<ArgumentNullException>(() => ((IObservable<FeatureFrame>)null!).ResampleToGrid());
        Assert.Throws<ArgumentException>(() => FeatureGrid.Resample([Frame(0, 1, 1), new FeatureFrame(MediaTime.FromSeconds(1), new FeatureSchema(["x", "y"]), [1, 2], [1, 2])]));
    }

    private static List<FeatureFrame> RandomFrames(Random random, double seconds)
    {
        var frames = new List<FeatureFrame>();
        var absentUntil = 0.0;
        for (var t = 0.0; t < seconds; t += 1 / (24 + 12 * random.NextDouble()))
        {
            if (random.NextDouble() < 0.02)
                absentUntil = t + 0.6 * random.NextDouble();
            var a = new double[3];
            var b = new double[3];
            for (var f = 0; f < 3; f++)
            {
                a[f] = t < absentUntil || random.NextDouble() < 0.05 ? double.NaN : random.NextDouble();
                b[f] = random.NextDouble() < 0.1 ? double.NaN : random.NextDouble() - f;
            }

            frames.Add(new FeatureFrame(MediaTime.FromSeconds(t), Three, ImmutableArray.Create(a), ImmutableArray.Create(b)));
        }

        return frames;
    }
}
