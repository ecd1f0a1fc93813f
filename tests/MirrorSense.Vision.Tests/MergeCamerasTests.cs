using System.Reactive.Subjects;
using MirrorSense.Core;
using MirrorSense.Vision.Streaming;

namespace MirrorSense.Vision.Tests;

public sealed class MergeCamerasTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(0.5);

    [Fact]
    public void Two_cameras_skeletons_come_out_in_media_time_order_whatever_order_they_arrive_in()
    {
        var (a, b, merged) = Merge();

        a.OnNext(Frame(0.00, Participant.A));
        a.OnNext(Frame(0.04, Participant.A));
        b.OnNext(Frame(0.02, Participant.B));
        b.OnNext(Frame(0.05, Participant.B));
        a.OnNext(Frame(0.07, Participant.A));

        Assert.Equal([0.00, 0.02, 0.04, 0.05], merged.Select(f => f.Time.Seconds));
        Assert.Equal([Participant.A, Participant.B, Participant.A, Participant.B], merged.Select(f => f.People.Single().Participant));
    }

    [Fact]
    public void Frames_the_two_cameras_share_a_time_with_carry_both_people()
    {
        var (a, b, merged) = Merge();

        a.OnNext(Frame(0.1, Participant.A));
        b.OnNext(Frame(0.1, Participant.B));

        var frame = Assert.Single(merged);
        Assert.Equal([Participant.A, Participant.B], frame.People.Select(p => p.Participant));
    }

    [Fact]
    public void A_stalled_camera_holds_the_other_back_no_longer_than_the_patience_and_its_late_frames_are_let_go()
    {
        var (a, b, merged) = Merge();

        a.OnNext(Frame(0.0, Participant.A));
        a.OnNext(Frame(0.3, Participant.A));
        Assert.Empty(merged);
        a.OnNext(Frame(0.6, Participant.A));
        a.OnNext(Frame(0.9, Participant.A));
        Assert.Equal([0.0, 0.3], merged.Select(f => f.Time.Seconds));

        // B wakes up: its frame from before what has left is let go, the next one takes its place in order.
        b.OnNext(Frame(0.2, Participant.B));
        b.OnNext(Frame(1.0, Participant.B));
        a.OnNext(Frame(1.2, Participant.A));

        Assert.Equal([0.0, 0.3, 0.6, 0.9, 1.0], merged.Select(f => f.Time.Seconds));
        Assert.Equal(Participant.B, merged[^1].People.Single().Participant);
    }

    [Fact]
    public void After_one_camera_ends_the_other_flows_straight_through_and_the_merge_ends_with_both()
    {
        var (a, b, merged) = Merge();
        b.OnCompleted();
        a.OnNext(Frame(1.0, Participant.A));

        Assert.Single(merged);
        Assert.False(merged.Completed);
        a.OnCompleted();
        Assert.True(merged.Completed);
    }

    private static (Subject<PoseFrame> A, Subject<PoseFrame> B, Received<PoseFrame> Merged) Merge()
    {
        var a = new Subject<PoseFrame>();
        var b = new Subject<PoseFrame>();
        var merged = new Received<PoseFrame>();
        PoseObservable.MergeCameras(a, b, Patience).Subscribe(merged.Add, () => merged.Completed = true);
        return (a, b, merged);
    }

    private static PoseFrame Frame(double seconds, Participant who) =>
        new(MediaTime.FromSeconds(seconds), [new PersonPose(who, [])]);

    /// <summary>What a subscriber received: the values, and whether the stream ended.</summary>
    private sealed class Received<T> : List<T>
    {
        public bool Completed { get; set; }
    }
}
