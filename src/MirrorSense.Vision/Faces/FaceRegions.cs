using MirrorSense.Core;
using MirrorSense.Vision.Imaging;

namespace MirrorSense.Vision.Faces;

/// <summary>
/// Where a face is, as the rotated square the face model wants: upright along the eye line, the face in
/// its middle with a margin (MediaPipe's face ROI, 1.5× the face's box). From the body pose's face
/// points when a face is first looked for (as MediaPipe Holistic does, instead of a face detector), and
/// from the previous frame's mesh while a face is tracked.
/// </summary>
public static class FaceRegions
{
    /// <summary>MediaPipe's face_landmarks_to_roi: the long side of the mesh's box, ×1.5.</summary>
    public const float MeshScale = 1.5f;

    // The pose gives eyes and mouth; the mesh reaches from the upper forehead to the chin, so its box centre
    // lies above the eye–mouth midpoint. Measured on the 11 people the pose finds in face-api's six demo photos
    // (mesh region after three refinements vs the pose's points): centre 0.08–0.5 (median 0.3) of the
    // eye–mouth distance below the eyes; side 3.2–4.4 (median 3.8) eye–mouth distances, 3.1–5.5 (median 4.1)
    // eye distances. The larger of the two sizes is taken, so each factor sits just under its median.
    internal const float CentreBelowEyes = 0.3f;
    internal const float SizePerEyeMouthDistance = 3.7f;
    internal const float SizePerEyeDistance = 3.9f;

    private static readonly int RightEye = Skeleton.IndexOf("right_eye");
    private static readonly int LeftEye = Skeleton.IndexOf("left_eye");
    private static readonly int MouthRight = Skeleton.IndexOf("mouth_right");
    private static readonly int MouthLeft = Skeleton.IndexOf("mouth_left");

    /// <summary>
    /// The face region from a body pose's face points (eyes, mouth corners): turned so the person's right eye
    /// → left eye runs along the region's x axis, centred 0.3 of the way from the eyes to the mouth, sized by the larger of the
    /// eye–mouth and the eye–eye distances (each stays long when the head turns the other way).
    /// </summary>
    public static RegionOfInterest FromPose(IReadOnlyList<PoseLandmark> pose)
    {
        ArgumentNullException.ThrowIfNull(pose);
        if (pose.Count != Skeleton.LandmarkCount)
            throw new ArgumentException($"Expected the {Skeleton.LandmarkCount} pose landmarks, got {pose.Count}.", nameof(pose));
        var rightEye = Point(pose[RightEye]);
        var leftEye = Point(pose[LeftEye]);
        var eyes = PointF2.Midpoint(rightEye, leftEye);
        var mouth = PointF2.Midpoint(Point(pose[MouthRight]), Point(pose[MouthLeft]));
        var centre = new PointF2(eyes.X + CentreBelowEyes * (mouth.X - eyes.X), eyes.Y + CentreBelowEyes * (mouth.Y - eyes.Y));
        var size = MathF.Max(SizePerEyeMouthDistance * eyes.DistanceTo(mouth), SizePerEyeDistance * rightEye.DistanceTo(leftEye));
        return new RegionOfInterest(centre, size, EyeLineRotation(rightEye, leftEye));
    }

    /// <summary>
    /// MediaPipe's face_landmarks_to_roi: the centre of the mesh's axis-aligned box, its long side ×1.5,
    /// turned along the outer eye corners — the region for the same face in the next frame.
    /// </summary>
    public static RegionOfInterest FromMesh(FaceMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var (left, top, right, bottom) = (float.MaxValue, float.MaxValue, float.MinValue, float.MinValue);
        foreach (var p in mesh.Points)
        {
            (left, top) = (MathF.Min(left, p.X), MathF.Min(top, p.Y));
            (right, bottom) = (MathF.Max(right, p.X), MathF.Max(bottom, p.Y));
        }

        var centre = new PointF2((left + right) / 2, (top + bottom) / 2);
        var rotation = EyeLineRotation(Point(mesh[FaceMeshPoint.RightEyeOuter]), Point(mesh[FaceMeshPoint.LeftEyeOuter]));
        return new RegionOfInterest(centre, MeshScale * MathF.Max(right - left, bottom - top), rotation);
    }

    /// <summary>The rotation that lays the person's right eye → left eye vector along the region's x axis (y down, clockwise positive).</summary>
    private static float EyeLineRotation(PointF2 rightEye, PointF2 leftEye) =>
        RegionOfInterest.NormalizeRadians(MathF.Atan2(leftEye.Y - rightEye.Y, leftEye.X - rightEye.X));

    private static PointF2 Point(PoseLandmark landmark) => new(landmark.X, landmark.Y);

    private static PointF2 Point(FacePoint point) => new(point.X, point.Y);
}
