using MirrorSense.Vision.Imaging;

namespace MirrorSense.Vision.Detection;

/// <summary>
/// A detected person in image pixels: a box (centre, width, height), a probability and the detector's
/// four keypoints: 0 hip midpoint, 1 a point whose distance from the hips circumscribes the whole body,
/// 2 shoulder midpoint, 3 the same for the upper body.
/// </summary>
public sealed record PersonDetection(float Score, PointF2 Center, float Width, float Height, IReadOnlyList<PointF2> Keypoints)
{
    public float Area => Width * Height;

    public float Left => Center.X - Width / 2;
    public float Top => Center.Y - Height / 2;
    public float Right => Center.X + Width / 2;
    public float Bottom => Center.Y + Height / 2;

    /// <summary>The landmark model's region for this person (MediaPipe's pose_detection_to_roi: keypoints 0 and 1, ×1.25).</summary>
    public RegionOfInterest Region() => RegionOfInterest.FromAlignmentPoints(Keypoints[0], Keypoints[1]);

    public float IntersectionOverUnion(PersonDetection other) =>
        Boxes.IntersectionOverUnion((Left, Top, Right, Bottom), (other.Left, other.Top, other.Right, other.Bottom));
}
