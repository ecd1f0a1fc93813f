namespace MirrorSense.ModelConverter;

/// <summary>One model to convert: where it is in the npm package and what the ONNX file is called.</summary>
public sealed record PoseModel(string PackageFile, string OnnxFile, string Description);

/// <summary>The BlazePose models of @mediapipe/pose that MirrorSense uses.</summary>
public static class PoseModels
{
    public const string Package = "@mediapipe/pose";
    public const string Version = "0.5.1675469404";

    /// <summary>The person detector ships as the solution's packed assets file, which is exactly pose_detection.tflite.</summary>
    public static readonly PoseModel Detector = new(
        "pose_solution_packed_assets.data", "pose_detection.onnx", "BlazePose person detector: input [1,224,224,3] RGB in [-1,1]; outputs [1,2254,12] boxes+keypoints, [1,2254,1] scores");

    public static readonly PoseModel LandmarkLite = new(
        "pose_landmark_lite.tflite", "pose_landmark_lite.onnx", "BlazePose landmarks (lite): input [1,256,256,3] RGB in [0,1]");

    public static readonly PoseModel LandmarkFull = new(
        "pose_landmark_full.tflite", "pose_landmark_full.onnx", "BlazePose landmarks (full): input [1,256,256,3] RGB in [0,1]");

    public static readonly IReadOnlyList<PoseModel> All = [Detector, LandmarkLite, LandmarkFull];
}
