using MirrorSense.Core;
using MirrorSense.Vision.Imaging;

namespace MirrorSense.Vision.Landmarks;

/// <summary>
/// The landmark model's answer for one region, in frame pixels: the probability that a pose is there,
/// the 33 body landmarks and the two alignment points (hip centre, body-circle point) that place the
/// next frame's region.
/// </summary>
public sealed record LandmarkEstimate(float PoseScore, IReadOnlyList<PoseLandmark> Body, PointF2 AlignmentCenter, PointF2 AlignmentScale)
{
    /// <summary>Next frame's region (MediaPipe's pose_landmarks_to_roi: alignment points 33 and 34, ×1.25).</summary>
    public RegionOfInterest NextRegion() => RegionOfInterest.FromAlignmentPoints(AlignmentCenter, AlignmentScale);
}
