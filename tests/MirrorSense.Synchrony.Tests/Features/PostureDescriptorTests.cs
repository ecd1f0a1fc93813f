using MirrorSense.Core;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Synchrony.Tests.Features;

public sealed class PostureDescriptorTests
{
    private static double Component(PersonPose pose, string name)
    {
        var normalized = SkeletonNormalizer.Normalize(pose, MediaTime.Zero) ?? throw new InvalidOperationException("no unit");
        return PostureDescriptor.Describe(normalized)[PostureDescriptor.Schema.Components.IndexOf(PostureDescriptor.Schema.Components.Single(c => c.Name == name))];
    }

    private static double[] Describe(PersonPose pose) =>
        [.. PostureDescriptor.Describe(SkeletonNormalizer.Normalize(pose, MediaTime.Zero) ?? throw new InvalidOperationException("no unit"))];

    [Theory]
    [InlineData(-25)]
    [InlineData(-8)]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(17)]
    public void A_known_sideways_lean_is_recovered_by_the_torso_shoulders_and_head(double degrees)
    {
        // Given a person whose upper body leans counter-clockwise on screen by a known angle
        var pose = SyntheticBody.Upright().LeanSideways(degrees).ToPose();

        // Then torso lean, shoulder line and head roll all read that angle
        Assert.InRange(Component(pose, PostureDescriptor.LeanSideways), degrees - 0.5, degrees + 0.5);
        Assert.InRange(Component(pose, PostureDescriptor.ShoulderLine), degrees - 0.5, degrees + 0.5);
        Assert.InRange(Component(pose, PostureDescriptor.HeadRoll), degrees - 0.5, degrees + 0.5);
        Assert.InRange(Component(pose, PostureDescriptor.LeanForward), -0.5, 0.5);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(30)]
    public void A_known_forward_lean_is_recovered_from_depth(double degrees)
    {
        var pose = SyntheticBody.Upright().LeanForward(degrees).ToPose();

        Assert.InRange(Component(pose, PostureDescriptor.LeanForward), degrees - 0.5, degrees + 0.5);
        Assert.InRange(Component(pose, PostureDescriptor.LeanSideways), -0.5, 0.5);
    }

    [Fact]
    public void A_head_roll_alone_moves_head_roll_but_not_the_torso()
    {
        var pose = SyntheticBody.Upright().RollHead(-12).ToPose();

        Assert.InRange(Component(pose, PostureDescriptor.HeadRoll), -12.5, -11.5);
        Assert.InRange(Component(pose, PostureDescriptor.LeanSideways), -0.5, 0.5);
        Assert.InRange(Component(pose, PostureDescriptor.ShoulderLine), -0.5, 0.5);
    }

    [Fact]
    public void Head_yaw_is_zero_facing_the_camera_and_grows_with_the_turn_towards_the_viewers_left()
    {
        var body = SyntheticBody.Upright();

        var ahead = Component(body.ToPose(), PostureDescriptor.HeadYaw);
        var yaws = new[] { -40.0, -20, 0, 20, 40 }.Select(d => Component(body.TurnHead(d).ToPose(), PostureDescriptor.HeadYaw)).ToArray();

        Assert.InRange(ahead, -0.01, 0.01);
        for (var i = 1; i < yaws.Length; i++)
            Assert.True(yaws[i] > yaws[i - 1] + 5, $"yaw proxy not increasing: {string.Join(", ", yaws)}");
        Assert.True(yaws[^1] > 20, $"a 40° turn reads {yaws[^1]}");
    }

    [Fact]
    public void The_persons_own_left_arm_raised_on_the_viewers_right_reads_as_the_left_arm()
    {
        // Given a person facing the camera who lifts their own left arm (on the viewer's right) out to the side, horizontal
        var left = Skeleton.IndexOf("left_shoulder");
        var shoulder = SyntheticBody.Upright()[left];
        var body = SyntheticBody.Upright()
            .With(Skeleton.IndexOf("left_elbow"), shoulder.X + 28, shoulder.Y, 0)
            .With(Skeleton.IndexOf("left_wrist"), shoulder.X + 54, shoulder.Y, 0);

        var pose = body.ToPose();

        // Then the left upper arm and forearm are at 90°, the hand at shoulder height, and the right arm still hangs
        Assert.True(pose[Skeleton.IndexOf("left_wrist")].X > pose[Skeleton.IndexOf("right_wrist")].X, "facing the camera, the left hand is on the viewer's right");
        Assert.InRange(Component(pose, PostureDescriptor.UpperArmElevationLeft), 89.5, 90.5);
        Assert.InRange(Component(pose, PostureDescriptor.ForearmElevationLeft), 89.5, 90.5);
        Assert.InRange(Component(pose, PostureDescriptor.HandHeightLeft), -0.01, 0.01);
        Assert.InRange(Component(pose, PostureDescriptor.UpperArmElevationRight), 0, 10);
        Assert.True(Component(pose, PostureDescriptor.HandHeightRight) < -1, "the hanging right hand is more than a shoulder width below the shoulder");
    }

    [Fact]
    public void Arms_crossed_reads_one_only_when_each_hand_is_past_the_midline_on_the_other_side()
    {
        var upright = SyntheticBody.Upright();
        var (lw, rw) = (Skeleton.IndexOf("left_wrist"), Skeleton.IndexOf("right_wrist"));
        var crossed = upright.With(lw, -12, 30, 12).With(rw, 12, 28, 12);
        var oneAcross = upright.With(lw, -12, 30, 12);

        Assert.Equal(1, Component(crossed.ToPose(), PostureDescriptor.ArmsCrossed));
        Assert.Equal(0, Component(oneAcross.ToPose(), PostureDescriptor.ArmsCrossed));
        Assert.Equal(0, Component(upright.ToPose(), PostureDescriptor.ArmsCrossed));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_mirror_image_of_a_skeleton_has_the_schemas_mirror_of_its_descriptor(int seed)
    {
        // Given an asymmetric posture: leaning, head rolled and turned, arms at different heights, landmarks jittered
        var random = new Random(seed);
        var body = SyntheticBody.Upright()
            .With(Skeleton.IndexOf("left_elbow"), 30, 35, 3)
            .With(Skeleton.IndexOf("left_wrist"), 25, 60, 10)
            .LeanSideways(random.Next(-20, 20)).LeanForward(random.Next(-10, 25))
            .RollHead(random.Next(-15, 15)).TurnHead(random.Next(-30, 30))
            .Jitter(random, 3);
        var pose = body.ToPose();

        // When it is mirrored geometrically: x → −x about an axis, left and right landmarks trading places
        var mirrored = SyntheticBody.Mirror(pose, axis: 300);

        // Then its descriptor is the original's with _left and _right swapped and sideways angles negated
        var expected = PostureDescriptor.Schema.Mirror(Describe(pose));
        var actual = Describe(mirrored);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < 0.01, $"{PostureDescriptor.Schema.Components[i].Name}: mirror {actual[i]}, expected {expected[i]}");
        // And the posture was not one the mirror leaves alone
        Assert.True(Math.Abs(Describe(pose)[0]) > 0.5 || Math.Abs(Describe(pose)[2]) > 0.5, "the test posture should be asymmetric");
    }

    [Fact]
    public void Left_components_name_their_right_twins_as_mirrors_and_sideways_angles_flip()
    {
        var components = PostureDescriptor.Schema.Components;

        foreach (var c in components.Where(c => c.Name.EndsWith("_left", StringComparison.Ordinal)))
            Assert.Equal(c.Name[..^5] + "_right", c.MirrorName);
        foreach (var name in new[] { PostureDescriptor.LeanSideways, PostureDescriptor.HeadRoll, PostureDescriptor.HeadYaw, PostureDescriptor.ShoulderLine })
            Assert.True(components.Single(c => c.Name == name).FlipsSign, name);
        foreach (var name in new[] { PostureDescriptor.LeanForward, PostureDescriptor.ArmsCrossed, PostureDescriptor.HandHeightLeft })
            Assert.False(components.Single(c => c.Name == name).FlipsSign, name);
    }

    [Fact]
    public void Scale_and_position_in_the_frame_change_neither_the_normalised_skeleton_nor_the_descriptor()
    {
        var body = SyntheticBody.Upright().LeanSideways(9).RollHead(4).Jitter(new Random(5), 2);
        var near = body.ToPose(scale: 6, cx: 150, cy: 420);
        var far = body.ToPose(scale: 1.5, cx: 500, cy: 200);

        var a = SkeletonNormalizer.Normalize(near, MediaTime.Zero)!;
        var b = SkeletonNormalizer.Normalize(far, MediaTime.Zero)!;

        for (var i = 0; i < Skeleton.LandmarkCount; i++)
        {
            Assert.Equal(a[i].X, b[i].X, 4);
            Assert.Equal(a[i].Y, b[i].Y, 4);
            Assert.Equal(a[i].Z, b[i].Z, 4);
        }

        var (da, db) = (Describe(near), Describe(far));
        for (var i = 0; i < da.Length; i++)
            Assert.Equal(da[i], db[i], 3);
    }

    [Fact]
    public void The_normalised_frame_has_its_origin_between_the_shoulders_unit_shoulder_width_and_y_up()
    {
        var pose = SyntheticBody.Upright().ToPose();

        var normalized = SkeletonNormalizer.Normalize(pose, MediaTime.FromSeconds(2))!;

        Assert.Equal(MediaTime.FromSeconds(2), normalized.Time);
        Assert.Equal(0.5, normalized[Skeleton.LeftShoulder].X, 6);
        Assert.Equal(-0.5, normalized[Skeleton.RightShoulder].X, 6);
        Assert.Equal(0, normalized[Skeleton.LeftShoulder].Y, 6);
        Assert.Equal(25 / SyntheticBody.ShoulderWidth, normalized[Skeleton.Nose].Y, 4);
        Assert.Equal(10 / SyntheticBody.ShoulderWidth, normalized[Skeleton.Nose].Z, 4);
        Assert.Equal(4 * SyntheticBody.ShoulderWidth, normalized.ShoulderWidthPixels, 3);
    }

    [Fact]
    public void A_landmark_below_the_visibility_threshold_is_missing_and_only_its_components_go_missing()
    {
        var pose = SyntheticBody.Upright().WithVisibility(Skeleton.IndexOf("left_wrist"), 0.3).ToPose();

        var values = Describe(pose);
        var names = PostureDescriptor.Schema.Components.Select(c => c.Name).ToList();

        Assert.True(double.IsNaN(values[names.IndexOf(PostureDescriptor.ForearmElevationLeft)]));
        Assert.True(double.IsNaN(values[names.IndexOf(PostureDescriptor.HandHeightLeft)]));
        Assert.True(double.IsNaN(values[names.IndexOf(PostureDescriptor.ArmsCrossed)]));
        Assert.False(double.IsNaN(values[names.IndexOf(PostureDescriptor.ForearmElevationRight)]));
        Assert.False(double.IsNaN(values[names.IndexOf(PostureDescriptor.UpperArmElevationLeft)]));
    }

    [Fact]
    public void Without_depth_only_the_forward_lean_is_missing_and_every_other_component_reads_as_with_it()
    {
        // Given a sideways lean filmed with depth, and the same points as 2-D keypoints give them (z NaN)
        var pose = SyntheticBody.Upright().LeanSideways(9).ToPose();
        var flat = pose with { Landmarks = [.. pose.Landmarks.Select(l => l with { Z = float.NaN })] };

        var (with, without) = (Describe(pose), Describe(flat));

        var forward = PostureDescriptor.Schema.Components.Select(c => c.Name).ToList().IndexOf(PostureDescriptor.LeanForward);
        Assert.True(double.IsNaN(without[forward]));
        Assert.False(double.IsNaN(with[forward]));
        Assert.Equal(with.Where((_, i) => i != forward), without.Where((_, i) => i != forward));
    }

    [Fact]
    public void A_person_whose_shoulder_is_hidden_has_no_normalised_skeleton()
    {
        var pose = SyntheticBody.Upright().WithVisibility(Skeleton.RightShoulder, 0.2).ToPose();

        Assert.Null(SkeletonNormalizer.Normalize(pose, MediaTime.Zero));
    }

    [Fact]
    public void Hidden_hips_leave_both_leans_missing_but_keep_the_shoulder_line()
    {
        var pose = SyntheticBody.Upright().LeanSideways(7).WithVisibility(Skeleton.LeftHip, 0.1).ToPose();

        Assert.True(double.IsNaN(Component(pose, PostureDescriptor.LeanSideways)));
        Assert.True(double.IsNaN(Component(pose, PostureDescriptor.LeanForward)));
        Assert.InRange(Component(pose, PostureDescriptor.ShoulderLine), 6.5, 7.5);
    }
}
