using System.Reactive.Linq;
using System.Reactive.Subjects;
using MirrorSense.Core;
using MirrorSense.Vision.Streaming;

namespace MirrorSense.Vision.Tests.Streaming;

/// <summary>Two recordings started together, one person each, paired frame by frame (analyze --video-a/--video-b).</summary>
public sealed class RecordedCamerasPairingTests
{
    private static MediaTime At(double seconds) => MediaTime.FromSeconds(seconds);

    private static PersonPose Person(Participant who) => new(who, [.. Enumerable.Repeat(new PoseLandmark(1, 2, 0, 1), Skeleton.LandmarkCount)]);

    /// <summary>A camera's frame showing <paramref name="who"/>, its own person's changed pixels <paramref name="pixels"/>.</summary>
    private static PoseFrame Camera(Participant who, double seconds, double pixels, bool measured = true)
    {
        var time = At(seconds);
        PixelMotionSample Sample(Participant p) => new(time, p, p == who ? pixels : 999, new PixelRegion(0, 0, 4, 4), p == who);
        return new PoseFrame(time, [Person(who)]) { Measured = measured, Motion = new PixelMotionFrame(time, Sample(Participant.A), Sample(Participant.B)) };
    }

    [Fact]
    public void Frame_k_of_the_two_cameras_goes_on_as_one_frame_at_As_time_each_person_with_their_own_cameras_pixel_motion()
    {
        using var a = new Subject<PoseFrame>();
        using var b = new Subject<PoseFrame>();
        var paired = new List<PoseFrame>();
        using var subscription = PoseObservable.PairRecordedCameras(a, b).Subscribe(paired.Add);

        // Given B's camera runs two frames ahead, its clock a little off A's
        b.OnNext(Camera(Participant.B, 0.001, 5));
        b.OnNext(Camera(Participant.B, 0.034, 6, measured: false));
        Assert.Empty(paired);
        a.OnNext(Camera(Participant.A, 0, 50));
        a.OnNext(Camera(Participant.A, 1 / 30.0, 60));

        // Then each pair leaves as soon as both are there, at A's time, with A's pixels from A's camera and B's from B's
        Assert.Equal([At(0), At(1 / 30.0)], paired.Select(f => f.Time));
        Assert.All(paired, f => Assert.Equal([Participant.A, Participant.B], f.People.Select(p => p.Participant)));
        Assert.Equal([50.0, 60], paired.Select(f => f.Motion!.A.ChangedPixels));
        Assert.Equal([5.0, 6], paired.Select(f => f.Motion!.B.ChangedPixels));
        Assert.Equal([true, false], paired.Select(f => f.Measured));
    }

    [Fact]
    public void After_one_camera_ends_the_others_frames_go_on_alone_with_the_ended_persons_pixel_motion_missing()
    {
        using var a = new Subject<PoseFrame>();
        using var b = new Subject<PoseFrame>();
        var paired = new List<PoseFrame>();
        var completed = false;
        using var subscription = PoseObservable.PairRecordedCameras(a, b).Subscribe(paired.Add, () => completed = true);

        a.OnNext(Camera(Participant.A, 0, 50));
        a.OnNext(Camera(Participant.A, 0.5, 60));
        b.OnNext(Camera(Participant.B, 0, 5));
        b.OnCompleted();
        a.OnNext(Camera(Participant.A, 1, 70));
        Assert.False(completed);
        a.OnCompleted();

        Assert.True(completed);
        Assert.Equal([At(0), At(0.5), At(1)], paired.Select(f => f.Time));
        Assert.Equal([Participant.A], paired[1].People.Select(p => p.Participant));
        Assert.Equal([50.0, 60, 70], paired.Select(f => f.Motion!.A.ChangedPixels));
        Assert.Equal(5, paired[0].Motion!.B.ChangedPixels);
        Assert.All(paired.Skip(1), f => Assert.True(double.IsNaN(f.Motion!.B.ChangedPixels)));
    }
}
