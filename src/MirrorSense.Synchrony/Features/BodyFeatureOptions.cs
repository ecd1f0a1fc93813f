namespace MirrorSense.Synchrony.Features;

/// <summary>Parameters of feature extraction from landmarks, with the defaults MirrorSense documents.</summary>
/// <param name="VisibilityThreshold">
/// A landmark whose visibility is below this counts as missing: BlazePose still places occluded points,
/// but where it guesses, angles built on them are noise.
/// </param>
/// <param name="MinimumShoulderWidthPixels">
/// Shoulders closer than this (a person seen edge-on, or a failed detection) give no usable unit, so
/// the person counts as absent in that frame.
/// </param>
/// <param name="MotionStepSeconds">
/// Motion energy is the speed from the pose at least this long before: between consecutive frames the
/// model's landmark jitter (a steady few pixels) outweighs slow movement such as leaning; over 0.2 s real
/// movement adds up while jitter does not.
/// </param>
/// <param name="MaximumMotionStepSeconds">
/// Across a step longer than this (dropped frames, the person out of view) a speed would average over
/// unseen movement, so it is missing instead.
/// </param>
public sealed record BodyFeatureOptions(
    double VisibilityThreshold = 0.5,
    double MinimumShoulderWidthPixels = 4,
    double MotionStepSeconds = 0.2,
    double MaximumMotionStepSeconds = 0.45)
{
    public static BodyFeatureOptions Default { get; } = new();

    internal void Validate()
    {
        if (!(VisibilityThreshold >= 0 && VisibilityThreshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(VisibilityThreshold), VisibilityThreshold, "The visibility threshold is a probability, 0..1.");
        if (!(MinimumShoulderWidthPixels > 0) || double.IsInfinity(MinimumShoulderWidthPixels))
            throw new ArgumentOutOfRangeException(nameof(MinimumShoulderWidthPixels), MinimumShoulderWidthPixels, "The minimum shoulder width must be a positive number of pixels.");
        if (!(MotionStepSeconds >= 0) || double.IsInfinity(MotionStepSeconds))
            throw new ArgumentOutOfRangeException(nameof(MotionStepSeconds), MotionStepSeconds, "The motion step must be 0 (consecutive frames) or a positive number of seconds.");
        if (!(MaximumMotionStepSeconds > 0) || double.IsInfinity(MaximumMotionStepSeconds))
            throw new ArgumentOutOfRangeException(nameof(MaximumMotionStepSeconds), MaximumMotionStepSeconds, "The longest motion step must be a positive number of seconds.");
    }
}
