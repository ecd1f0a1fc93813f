namespace MirrorSense.Core;

/// <summary>
/// One point of the face mesh in the pixels of the input frame (x right, y down). <paramref name="Z"/> is
/// depth relative to the face's centre on the same pixel scale (smaller = nearer the camera).
/// </summary>
public readonly record struct FacePoint(float X, float Y, float Z);

/// <summary>
/// Named points of the 468-point mesh, by index. "Left" and "right" are the person's own, as in
/// <see cref="Skeleton"/>: facing the camera, the person's right eye is on the image's left.
/// </summary>
public enum FaceMeshPoint
{
    NoseTip = 1,
    ForeheadTop = 10,
    UpperLipInner = 13,
    LowerLipInner = 14,
    RightEyeOuter = 33,
    MouthRight = 61,
    RightEyeInner = 133,
    RightEyeLowerLid = 145,
    Chin = 152,
    RightEyeUpperLid = 159,
    LeftEyeOuter = 263,
    MouthLeft = 291,
    LeftEyeInner = 362,
    LeftEyeLowerLid = 374,
    LeftEyeUpperLid = 386,
}

/// <summary>
/// One face in one frame: MediaPipe's 468-point face mesh in frame pixels, the model's probability
/// that a face fills the region it was given (<paramref name="Score"/>, 0..1), and the frame's media time.
/// </summary>
public sealed record FaceMesh(MediaTime Time, float Score, IReadOnlyList<FacePoint> Points)
{
    public const int PointCount = 468;

    /// <summary>MediaPipe's threshold on the face score: below it the region holds no usable face, and every face measure is missing.</summary>
    public const float MinScore = 0.5f;

    public bool IsTrusted => Score >= MinScore;

    public FacePoint this[int index] => Points[index];

    public FacePoint this[FaceMeshPoint point] => Points[(int)point];
}
