namespace MirrorSense.Sessions.OpenPose;

/// <summary>
/// How an OpenPose keypoint's confidence becomes a landmark's visibility. OpenPose writes 0, 0, 0 for a keypoint it
/// did not find and otherwise its confidence (0–1), the height of a heat-map peak rather than BlazePose's probability
/// of being in view, so a body part it found may well score below 0.5. The features' visibility threshold (0.5) is
/// therefore not applied to it directly: keypoints below <see cref="Minimum"/> are missing, and the rest enter with
/// their confidence rescaled from [0.1, 1] to [0.5, 1], trusted like a visible BlazePose point, the surer ones still
/// weighing more in motion energy.
/// </summary>
public static class OpenPoseConfidence
{
    /// <summary>Below this a keypoint is missing, not a point: OpenPose's stray guesses sit there.</summary>
    public const float Minimum = 0.1f;

    /// <summary>The landmark visibility for a keypoint of confidence <paramref name="confidence"/>: 0 (missing) below the minimum, else 0.5–1.</summary>
    public static float Visibility(float confidence) =>
        confidence >= Minimum ? 0.5f + (0.5f * (Math.Min(confidence, 1f) - Minimum) / (1f - Minimum)) : 0f;
}
