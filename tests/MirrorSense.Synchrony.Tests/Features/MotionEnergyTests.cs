using MirrorSense.Core;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Synchrony.Tests.Features;

public sealed class MotionEnergyTests
{
    private static NormalizedPose At(SyntheticBody body, double seconds, double scale = 4, double cx = 320) =>
        SkeletonNormalizer.Normalize(body.ToPose(scale: scale, cx: cx), MediaTime.FromSeconds(seconds))!;

    private static SyntheticBody ArmAt(double offset)
    {
        var body = SyntheticBody.Upright();
        foreach (var name in new[] { "left_elbow", "left_wrist", "left_pinky", "left_index", "left_thumb", "right_elbow", "right_wrist", "right_pinky", "right_index", "right_thumb" })
        {
            var i = Skeleton.IndexOf(name);
            body = body.With(i, body[i].X, body[i].Y + offset, body[i].Z);
        }

        return body;
    }

    [Fact]
    public void A_still_skeleton_has_zero_motion_energy_in_every_region()
    {
        var body = SyntheticBody.Upright().LeanSideways(5);

        var energy = MotionEnergy.Between(At(body, 1), At(body, 1 + 1 / 30.0));

        foreach (var region in Enum.GetValues<BodyRegion>())
            Assert.Equal(0, energy[region], 9);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(3)]
    public void Arm_motion_energy_is_the_arms_speed_in_shoulder_widths_per_second(double shoulderWidthsPerSecond)
    {
        // Given both arms moving up at a known speed for one 30 Hz frame
        var dt = 1 / 30.0;
        var step = shoulderWidthsPerSecond * dt * SyntheticBody.ShoulderWidth;

        var energy = MotionEnergy.Between(At(ArmAt(0), 0), At(ArmAt(step), dt));

        // Then the arms region reads that speed, the head and torso none, the whole body a share of it
        Assert.Equal(shoulderWidthsPerSecond, energy.Arms, 3);
        Assert.Equal(0, energy.Head, 6);
        Assert.Equal(0, energy.Torso, 6);
        Assert.InRange(energy.Body, 0.1 * shoulderWidthsPerSecond, 0.9 * shoulderWidthsPerSecond);
    }

    [Fact]
    public void Moving_or_zooming_the_whole_person_in_the_frame_is_not_motion()
    {
        var body = SyntheticBody.Upright();

        var energy = MotionEnergy.Between(At(body, 0, scale: 4, cx: 300), At(body, 0.1, scale: 5, cx: 350));

        Assert.Equal(0, energy.Body, 4);
    }

    [Fact]
    public void A_landmark_the_model_is_unsure_of_weighs_less()
    {
        // Given a still body where only the left wrist jumps, seen with full and then with low (but passing) visibility
        var wrist = Skeleton.IndexOf("left_wrist");
        var still = SyntheticBody.Upright();
        var moved = still.With(wrist, still[wrist].X + 10, still[wrist].Y, still[wrist].Z);

        var sure = MotionEnergy.Between(At(still, 0), At(moved, 0.1));
        var unsure = MotionEnergy.Between(At(still.WithVisibility(wrist, 0.55), 0), At(moved.WithVisibility(wrist, 0.55), 0.1));

        Assert.True(unsure.Arms < sure.Arms, $"unsure {unsure.Arms} vs sure {sure.Arms}");
        Assert.True(unsure.Arms > 0);
    }

    [Fact]
    public void Without_a_previous_skeleton_motion_energy_is_missing_not_zero()
    {
        var energy = MotionEnergy.Between(null, At(SyntheticBody.Upright(), 0));

        Assert.True(double.IsNaN(energy.Body));
    }
}
