namespace MirrorSense.Vision.Models;

/// <summary>One ONNX model the product loads: its file name in the models folder and what it is for.</summary>
public sealed record KnownModel(string File, string Role);

/// <summary>Every model the product loads, by file name. <c>mirrorsense models</c> checks exactly these.</summary>
public static class ModelCatalog
{
    public const string Detector = "pose_detection.onnx";
    public const string LandmarksLite = "pose_landmark_lite.onnx";
    public const string LandmarksFull = "pose_landmark_full.onnx";
    public const string FaceLandmarks = "face_landmark.onnx";

    public static IReadOnlyList<KnownModel> All { get; } =
    [
        new(Detector, "person detector (finds people who are not yet tracked)"),
        new(LandmarksLite, "body landmarks, lite (the default: --model lite)"),
        new(LandmarksFull, "body landmarks, full (steadier, slower: --model full)"),
        new(FaceLandmarks, "face mesh, 468 points (on each person's face region)"),
    ];

    public static string LandmarkFile(LandmarkModelKind kind) => kind == LandmarkModelKind.Full ? LandmarksFull : LandmarksLite;
}
