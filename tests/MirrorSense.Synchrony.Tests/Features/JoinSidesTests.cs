using System.Collections.Immutable;
using System.Reactive.Subjects;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Synchrony.Tests.Features;

public sealed class JoinSidesTests
{
    private static readonly FeatureGridOptions Grid = new(SampleRate: 10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(0.5);

    [Fact]
    public void Each_point_takes_A_from_the_first_camera_and_B_from_the_second()
    {
        var (a, b, joined) = Join();

        a.OnNext(Point(0, 1));
        Assert.Empty(joined);
        b.OnNext(Point(0, 2));

        var point = Assert.Single(joined);
        Assert.Equal(0, point.Index);
        Assert.Equal(1, point.A[0]);
        Assert.Equal(2, point.B[0]);
    }

    [Fact]
    public void Points_leave_in_order_whichever_camera_runs_ahead()
    {
        var (a, b, joined) = Join();

        for (var i = 0; i < 3; i++)
            a.OnNext(Point(i, 10 + i));
        b.OnNext(Point(0, 20));
        b.OnNext(Point(1, 21));

        Assert.Equal([0, 1], joined.Select(p => p.Index));
        Assert.Equal([10.0, 11.0], joined.Select(p => p.A[0]));
        Assert.Equal([20.0, 21.0], joined.Select(p => p.B[0]));
    }

    [Fact]
    public void A_stalled_camera_leaves_its_side_missing_once_the_other_is_the_patience_ahead_and_its_late_points_are_dropped()
    {
        var (a, b, joined) = Join();

        // B stalls: A runs on for 0.5 s (5 points at 10 Hz) before its points leave without B.
        for (var i = 0; i < 5; i++)
            a.OnNext(Point(i, i));
        Assert.Empty(joined);
        a.OnNext(Point(5, 5));
        var first = Assert.Single(joined);
        Assert.Equal(0, first.Index);
        Assert.True(double.IsNaN(first.B[0]));

        // B's late point for a moment already gone is let go; its next one joins.
        b.OnNext(Point(0, 99));
        b.OnNext(Point(1, 42));
        Assert.Equal([0, 1], joined.Select(p => p.Index));
        Assert.Equal(42, joined[1].B[0]);
    }

    [Fact]
    public void Once_a_camera_has_ended_the_other_goes_on_alone_and_the_join_ends_with_both()
    {
        var (a, b, joined) = Join();
        b.OnCompleted();
        a.OnNext(Point(0, 1));
        a.OnNext(Point(1, 2));

        Assert.Equal([0, 1], joined.Select(p => p.Index));
        Assert.All(joined, p => Assert.True(double.IsNaN(p.B[0])));
        Assert.False(joined.Completed);
        a.OnCompleted();
        Assert.True(joined.Completed);
    }

    [Fact]
    public void A_failing_camera_fails_the_join()
    {
        var a = new Subject<FeatureSample>();
        var b = new Subject<FeatureSample>();
        Exception? failure = null;
        using var _ = Observable(a, b).Subscribe(_ => { }, error => failure = error);

        b.OnError(new InvalidOperationException("camera B"));

        Assert.Equal("camera B", failure?.Message);
    }

    private static (Subject<FeatureSample> A, Subject<FeatureSample> B, Received<FeatureSample> Joined) Join()
    {
        var a = new Subject<FeatureSample>();
        var b = new Subject<FeatureSample>();
        var joined = new Received<FeatureSample>();
        Observable(a, b).Subscribe(joined.Add, () => joined.Completed = true);
        return (a, b, joined);
    }

    private static IObservable<FeatureSample> Observable(Subject<FeatureSample> a, Subject<FeatureSample> b) =>
        FeatureObservable.JoinSides(a, b, Grid, Patience);

    private static readonly FeatureSchema Value = new(["value"]);

    /// <summary>A camera's grid point: its own person's value, the other side missing.</summary>
    private static FeatureSample Point(long index, double value) =>
        new(Grid.TimeOf(index), index, Value, ImmutableArray.Create(value), ImmutableArray.Create(value));

    /// <summary>What a subscriber received: the values, and whether the stream ended.</summary>
    private sealed class Received<T> : List<T>
    {
        public bool Completed { get; set; }
    }
}
