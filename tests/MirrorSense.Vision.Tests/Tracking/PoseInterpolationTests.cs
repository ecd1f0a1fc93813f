using System.Reactive.Linq;
using System.Reactive.Subjects;
using MirrorSense.Core;
using MirrorSense.Vision.Streaming;
using MirrorSense.Vision.Tracking;

namespace MirrorSense.Vision.Tests.Tracking;

/// <summary>
/// The frames the landmark model skipped (PoseOptions.LandmarkEvery) placed between the measured frames around them,
/// on hand-built frames as the estimator gives them: a skipped frame carries the people last measured.
/// </summary>
public sealed class PoseInterpolationTests
{
    private const int Every = 3;

    private static MediaTime Frame(int k) => MediaTime.FromSeconds(k / 30.0);

    /// <summary>A person whose landmark i is at (x + i, y − i, z) with visibility v.</summary>
    private static PersonPose Person(Participant who, float x, float y, float z, float v) =>
        new(who, [.. Enumerable.Range(0, Skeleton.LandmarkCount).Select(i => new PoseLandmark(x + i, y - i, z, v))]);

    private static PoseFrame Measured(int k, params PersonPose[] people) => new(Frame(k), people);

    /// <summary>A skipped frame as the estimator gives it: the people of the last measured frame, carried.</summary>
    private static PoseFrame Carried(int k, PoseFrame last) => new(Frame(k), last.People) { Measured = false };

    /// <summary>Frames 0 … count − 1, measured on every third, each person walking right by 3 px a frame.</summary>
    private static List<PoseFrame> Stream(int count)
    {
        var frames = new List<PoseFrame>();
        PoseFrame? last = null;
        for (var k = 0; k < count; k++)
        {
            if (k % Every == 0)
                frames.Add(last = Measured(k, Person(Participant.A, 3 * k, 100, 0, 1), Person(Participant.B, 400 + 3 * k, 100, 0, 1)));
            else
                frames.Add(Carried(k, last!));
        }

        return frames;
    }

    private static List<PoseFrame> Through(PoseInterpolation interpolation, IEnumerable<PoseFrame> frames) =>
        [.. frames.SelectMany(interpolation.Add), .. interpolation.Complete()];

    [Fact]
    public void A_person_measured_before_and_after_two_skipped_frames_is_placed_a_third_and_two_thirds_of_the_way()
    {
        // Given A measured at 0 s and at 0.1 s, with the two frames between skipped (carrying the first)
        var first = Measured(0, Person(Participant.A, 10, 200, -0.3f, 0.4f));
        var second = Measured(3, Person(Participant.A, 40, 170, 0.3f, 1.0f));
        var interpolation = new PoseInterpolation();

        // When the four frames arrive
        var afterFirst = interpolation.Add(first);
        var afterSkipped = interpolation.Add(Carried(1, first)).Concat(interpolation.Add(Carried(2, first))).ToList();
        var afterSecond = interpolation.Add(second);

        // Then the first leaves at once, the skipped ones wait, and the second brings them out placed on the line between
        Assert.Equal([first], afterFirst);
        Assert.Empty(afterSkipped);
        Assert.Equal([Frame(1), Frame(2), Frame(3)], afterSecond.Select(f => f.Time));
        Assert.Same(second, afterSecond[2]);
        foreach (var (frame, w) in new[] { (afterSecond[0], 1 / 3.0), (afterSecond[1], 2 / 3.0) })
        {
            Assert.False(frame.Measured);
            var person = Assert.Single(frame.People);
            Assert.Equal(Participant.A, person.Participant);
            Assert.Equal(Skeleton.LandmarkCount, person.Landmarks.Count);
            for (var i = 0; i < Skeleton.LandmarkCount; i++)
            {
                var (from, to, at) = (first.People[0][i], second.People[0][i], person[i]);
                Assert.Equal(from.X + w * (to.X - from.X), at.X, 1e-3);
                Assert.Equal(from.Y + w * (to.Y - from.Y), at.Y, 1e-3);
                Assert.Equal(from.Z + w * (to.Z - from.Z), at.Z, 1e-4);
                Assert.Equal(from.Visibility + w * (to.Visibility - from.Visibility), at.Visibility, 1e-4);
            }
        }
    }

    [Fact]
    public void A_placed_frame_keeps_the_pixel_motion_measured_on_its_own_picture()
    {
        var first = Measured(0, Person(Participant.A, 10, 200, 0, 1));
        var region = new PixelRegion(0, 0, 4, 4);
        var motion = new PixelMotionFrame(Frame(1), new(Frame(1), Participant.A, 7, region, true), new(Frame(1), Participant.B, 3, region, false));
        var skipped = Carried(1, first) with { Motion = motion };
        var interpolation = new PoseInterpolation();

        var placed = Through(interpolation, [first, skipped, Measured(2, Person(Participant.A, 20, 190, 0, 1))]);

        Assert.False(placed[1].Measured);
        Assert.Same(motion, placed[1].Motion);
    }

    [Fact]
    public void Every_frame_comes_out_once_and_in_order_however_the_stream_ends()
    {
        foreach (var count in new[] { 1, 2, 3, 4, 10, 11, 12 })
        {
            // Given frames measured on every third, ending on a measured frame or one or two skipped ones
            var frames = Stream(count);

            // When they pass through, and the stream ends
            var placed = Through(new PoseInterpolation(), frames);

            // Then each frame's time comes out once, in the order they went in, with its people
            Assert.Equal(frames.Select(f => f.Time), placed.Select(f => f.Time));
            Assert.All(placed, f => Assert.Equal([Participant.A, Participant.B], f.People.Select(p => p.Participant)));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Someone_seen_in_only_one_of_the_two_measured_frames_is_absent_between_them(bool bLeaves)
    {
        // Given A in both measured frames, and B only in the first (then gone) or only in the second (newly come)
        var a = Person(Participant.A, 10, 200, 0, 1);
        var b = Person(Participant.B, 400, 200, 0, 1);
        var first = bLeaves ? Measured(0, a, b) : Measured(0, a);
        var second = bLeaves ? Measured(3, a) : Measured(3, a, b);

        // When the skipped frames between are placed
        var placed = Through(new PoseInterpolation(), [first, Carried(1, first), Carried(2, first), second]);

        // Then only A is between: when B left or came is not known
        Assert.Equal([Frame(0), Frame(1), Frame(2), Frame(3)], placed.Select(f => f.Time));
        Assert.All(placed.Skip(1).Take(2), frame => Assert.Equal([Participant.A], frame.People.Select(p => p.Participant)));
    }

    [Fact]
    public void Skipped_frames_after_the_last_measured_one_come_out_on_completion_as_the_estimator_gave_them()
    {
        // Given a measured frame and two skipped ones after it, and then the end
        var first = Measured(0, Person(Participant.A, 10, 200, 0, 1));
        var (skipped1, skipped2) = (Carried(1, first), Carried(2, first));
        var interpolation = new PoseInterpolation();
        Assert.Equal([first], interpolation.Add(first));
        Assert.Empty(interpolation.Add(skipped1));
        Assert.Empty(interpolation.Add(skipped2));

        // When the stream completes
        var rest = interpolation.Complete();

        // Then the two come out unchanged, carrying the last measured people, and only once
        Assert.Equal(2, rest.Count);
        Assert.Same(skipped1, rest[0]);
        Assert.Same(skipped2, rest[1]);
        Assert.Empty(interpolation.Complete());
    }

    [Fact]
    public void Skipped_frames_before_anything_was_measured_pass_straight_through()
    {
        // Given skipped frames that arrive before any measured one (with no one to carry yet)
        var early = new PoseFrame(Frame(0), []) { Measured = false };
        var also = new PoseFrame(Frame(1), []) { Measured = false };
        var first = Measured(2, Person(Participant.A, 10, 200, 0, 1));
        var interpolation = new PoseInterpolation();

        // Then each leaves as it comes, unchanged, with nothing to wait for
        Assert.Same(early, Assert.Single(interpolation.Add(early)));
        Assert.Same(also, Assert.Single(interpolation.Add(also)));
        Assert.Same(first, Assert.Single(interpolation.Add(first)));
        Assert.Empty(interpolation.Complete());
    }

    [Fact]
    public void The_offline_refinement_without_smoothing_gives_the_frames_the_interpolation_gives_and_the_last_skipped_ones_when_the_poses_complete()
    {
        // Given twelve frames measured on every third: the last two (10 and 11) skipped
        var frames = Stream(12);
        var expected = Through(new PoseInterpolation(), frames);
        using var poses = new Subject<PoseFrame>();
        var received = new List<PoseFrame>();
        var completed = false;
        using var _ = poses.RefineOffline(SmoothingOptions.None).Subscribe(received.Add, () => completed = true);

        // When all but the completion have been sent, the last two still wait; on completion they follow
        foreach (var frame in frames)
            poses.OnNext(frame);
        Assert.Equal(frames.Count - 2, received.Count);
        poses.OnCompleted();

        // Then the same frames, in the same order, and the end
        Assert.True(completed);
        Assert.Equal(expected.Select(f => (f.Time, f.Measured, f.People[0][0])), received.Select(f => (f.Time, f.Measured, f.People[0][0])));
    }
}
