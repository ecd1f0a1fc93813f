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
/// <param name="MaximumMotionStepSeconds">
/// Motion energy is a speed between consecutive frames; across a longer step (dropped frames, the person
/// out of view) a speed would average over unseen movement, so it is missing instead.
/// </param>
public sealed record BodyFeatureOptions(
    double VisibilityThreshold = 0.5,
    double MinimumShoulderWidthPixels = 4,
    double MaximumMotionStepSeconds = 0.25)
{
    public static BodyFeatureOptions Default { get; } = new();

    internal void Validate()
    {
        if (!(VisibilityThreshold >= 0 && VisibilityThreshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(VisibilityThreshold), VisibilityThreshold, "The visibility threshold is a probability, 0..1.");
        if (!(MinimumShoulderWidthPixels > 0) || double.IsInfinity(MinimumShoulderWidthPixels))
            throw new ArgumentOutOfRangeException(nameof(MinimumShoulderWidthPixels), MinimumShoulderWidthPixels, "The minimum shoulder width must be a positive number of pixels.");
        if (!(MaximumMotionStepSeconds > 0) || double.IsInfinity(MaximumMotionStepSeconds))
            throw new ArgumentOutOfRangeException(nameof(MaximumMotionStepSeconds), MaximumMotionStepSeconds, "The longest motion step must be a positive number of seconds.");
    }
}
