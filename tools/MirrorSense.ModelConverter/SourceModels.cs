namespace MirrorSense.ModelConverter;

/// <summary>An npm package pinned to one version (the converted bytes depend on it).</summary>
public sealed record NpmSpec(string Name, string Version)
{
    public override string ToString() => $"{Name}@{Version}";
}

/// <summary>
/// One model to convert: the package and file it comes from and what the ONNX file is called. When the
/// file is an Emscripten packed-assets bundle holding several files, <paramref name="PackedAsset"/> names
/// the model inside it (its range is read from the bundle's loader script). <paramref name="Outputs"/>, when given,
/// names the only outputs the ONNX file keeps: ONNX Runtime computes every output of a graph whether or not it is
/// fetched, so the parts that feed only unused outputs are left out of the file.
/// </summary>
public sealed record SourceModel(NpmSpec Package, string PackageFile, string OnnxFile, string Description, string? PackedAsset = null, IReadOnlyList<string>? Outputs = null)
{
    /// <summary>The name the TFLite bytes are known by in MODELS.md: the packed asset's, else the package file's.</summary>
    public string SourceName => PackedAsset ?? PackageFile;

    /// <summary>The package files the conversion reads.</summary>
    public IReadOnlyList<string> PackageFiles => PackedAsset is null ? [PackageFile] : [PackageFile, PackedAssets.LoaderOf(PackageFile)];
}

/// <summary>The BlazePose models of @mediapipe/pose that MirrorSense uses.</summary>
public static class PoseModels
{
    public static readonly NpmSpec Package = new("@mediapipe/pose", "0.5.1675469404");

    /// <summary>The person detector ships as the solution's packed assets file, which is exactly pose_detection.tflite.</summary>
    public static readonly SourceModel Detector = new(
        Package, "pose_solution_packed_assets.data", "pose_detection.onnx", "BlazePose person detector: input [1,224,224,3] RGB in [-1,1]; outputs [1,2254,12] boxes+keypoints, [1,2254,1] scores");

    /// <summary>
    /// What the pose stage reads of a landmark model: the 39 landmarks and the pose score. The segmentation mask,
    /// the heatmap and the world landmarks are dropped (together a third of the lite model's time).
    /// </summary>
    public static readonly IReadOnlyList<string> LandmarkOutputs = ["Identity", "Identity_1"];

    public static readonly SourceModel LandmarkLite = new(
        Package, "pose_landmark_lite.tflite", "pose_landmark_lite.onnx",
        "BlazePose landmarks (lite): input [1,256,256,3] RGB in [0,1]; outputs [1,195] 39 landmarks (x, y, z, visibility, presence), [1,1] pose score",
        Outputs: LandmarkOutputs);

    public static readonly SourceModel LandmarkFull = new(
        Package, "pose_landmark_full.tflite", "pose_landmark_full.onnx",
        "BlazePose landmarks (full): input [1,256,256,3] RGB in [0,1]; outputs [1,195] 39 landmarks (x, y, z, visibility, presence), [1,1] pose score",
        Outputs: LandmarkOutputs);

    public static readonly IReadOnlyList<SourceModel> All = [Detector, LandmarkLite, LandmarkFull];
}

/// <summary>The face mesh model of @mediapipe/face_mesh that MirrorSense uses.</summary>
public static class FaceModels
{
    public static readonly NpmSpec Package = new("@mediapipe/face_mesh", "0.4.1657299874");

    /// <summary>The 468-point mesh without attention (no custom operators); it is one of four files packed in the bundle.</summary>
    public static readonly SourceModel Landmark = new(
        Package,
        "face_mesh_solution_packed_assets.data",
        "face_landmark.onnx",
        "MediaPipe face mesh: input [1,192,192,3] RGB in [0,1]; outputs [1,1,1,1404] 468 landmarks (x, y, z in input pixels), [1,1,1,1] face score logit",
        PackedAsset: "face_landmark.tflite");

    public static readonly IReadOnlyList<SourceModel> All = [Landmark];
}

/// <summary>Every model the converter makes, in the order it writes them.</summary>
public static class SourceModels
{
    public static readonly IReadOnlyList<SourceModel> All = [.. PoseModels.All, .. FaceModels.All];
}
