using MirrorSense.Core;
using MirrorSense.Vision.Tracking;

namespace MirrorSense.Vision.Tests.Tracking;

/// <summary>A and B given to people found without identities (OpenPose's keypoints), by position as the pose stage keeps them.</summary>
public sealed class PositionalIdentitiesTests
{
    private const float Width = 640;

    private static MediaTime Frame(int k) => MediaTime.FromSeconds(k / 30.0);

    /// <summary>A seated person centred at x with shoulders <paramref name="shoulders"/> px apart: shoulders, elbows, hips and nose seen.</summary>
    private static PoseLandmark[] Body(float x, float shoulders = 80)
    {
        var body = new PoseLandmark[Skeleton.LandmarkCount];
        void Put(int i, float px, float py) => body[i] = new PoseLandmark(px, py, float.NaN, 0.9f);
        Put(Skeleton.Nose, x, 100);
        Put(Skeleton.LeftShoulder, x + (shoulders / 2), 160);
        Put(Skeleton.RightShoulder, x - (shoulders / 2), 160);
        Put(Skeleton.IndexOf("left_elbow"), x + (shoulders / 2), 230);
        Put(Skeleton.IndexOf("right_elbow"), x - (shoulders / 2), 230);
        Put(Skeleton.LeftHip, x + (shoulders / 4), 300);
        Put(Skeleton.RightHip, x - (shoulders / 4), 300);
        return body;
    }

    private static float Where(PoseFrame frame, Participant who) => frame.Of(who)![Skeleton.Nose].X;

    [Fact]
    public void Two_people_found_together_are_A_on_the_left_and_B_on_the_right_whatever_the_files_order()
    {
        var identities = new PositionalIdentities(swap: false, Width, TimeSpan.FromSeconds(3));

        var frame = identities.Assign(Frame(0), [Body(480), Body(160)]);

        Assert.Equal(160f, Where(frame, Participant.A));
        Assert.Equal(480f, Where(frame, Participant.B));
    }

    [Fact]
    public void Swap_makes_the_person_on_the_right_A()
    {
        var identities = new PositionalIdentities(swap: true, Width, TimeSpan.FromSeconds(3));

        var frame = identities.Assign(Frame(0), [Body(160), Body(480)]);

        Assert.Equal(480f, Where(frame, Participant.A));
    }

    [Fact]
    public void Identities_survive_two_people_crossing_in_front_of_each_other()
    {
        // Given A walking right and B walking left, 6 px a frame, passing at frame 40, in an order that changes each frame
        var identities = new PositionalIdentities(swap: false, Width, TimeSpan.FromSeconds(3));
        var frames = Enumerable.Range(0, 80).Select(k =>
        {
            var (a, b) = (Body(80 + (6 * k)), Body(560 - (6 * k)));
            return identities.Assign(Frame(k), k % 2 == 0 ? [a, b] : [b, a]);
        }).ToList();

        // Then A is always the one walking right, also after passing B
        Assert.All(frames.Where(f => f.People.Count == 2), (f, k) => Assert.Equal(80f + (6 * k), Where(f, Participant.A)));
        Assert.Equal(80f + (6 * 79), Where(frames[^1], Participant.A));
    }

    [Fact]
    public void Of_more_than_two_people_the_two_largest_are_kept()
    {
        var identities = new PositionalIdentities(swap: false, Width, TimeSpan.FromSeconds(3));

        // Given a small passer-by between the two seated people
        var frame = identities.Assign(Frame(0), [Body(320, shoulders: 20), Body(500), Body(140)]);

        Assert.Equal(2, frame.People.Count);
        Assert.Equal(140f, Where(frame, Participant.A));
        Assert.Equal(500f, Where(frame, Participant.B));
    }

    [Fact]
    public void A_person_alone_is_placed_by_the_side_of_the_picture_they_are_on()
    {
        var identities = new PositionalIdentities(swap: false, Width, TimeSpan.FromSeconds(3));

        var frame = identities.Assign(Frame(0), [Body(400)]);

        Assert.Equal(Participant.B, frame.People.Single().Participant);
    }

    [Fact]
    public void A_person_lost_for_a_moment_comes_back_as_themselves_even_on_the_other_side()
    {
        // Given A standing just right of the middle while B is further right, then A unseen for 10 frames
        var identities = new PositionalIdentities(swap: false, Width, TimeSpan.FromSeconds(3));
        identities.Assign(Frame(0), [Body(340), Body(560)]);
        for (var k = 1; k <= 10; k++)
            identities.Assign(Frame(k), [Body(560)]);

        var back = identities.Assign(Frame(11), [Body(350), Body(560)]);

        Assert.Equal(350f, Where(back, Participant.A));
        Assert.Equal(560f, Where(back, Participant.B));
    }

    [Fact]
    public void Someone_with_no_visible_keypoint_is_nobody()
    {
        var identities = new PositionalIdentities(swap: false, Width, TimeSpan.FromSeconds(3));

        var frame = identities.Assign(Frame(0), [new PoseLandmark[Skeleton.LandmarkCount], Body(100)]);

        Assert.Equal(Participant.A, frame.People.Single().Participant);
    }
}
