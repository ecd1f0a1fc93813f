namespace MirrorSense.Vision;

/// <summary>
/// Where the ONNX models are: an explicit folder, else MIRRORSENSE_MODELS, else `models/` beside the
/// program (the build copies them there), else the nearest `models/` above it (running from a clone).
/// </summary>
public sealed record PoseModelFiles(string Detector, string Landmarks)
{
    public const string EnvironmentVariable = "MIRRORSENSE_MODELS";
    private const string DetectorFile = "pose_detection.onnx";

    public static PoseModelFiles Locate(LandmarkModelKind model, string? folder = null)
    {
        var landmarkFile = model == LandmarkModelKind.Full ? "pose_landmark_full.onnx" : "pose_landmark_lite.onnx";
        var candidates = new List<string>();
        if (folder is not null)
        {
            candidates.Add(folder);
        }
        else
        {
            if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
                candidates.Add(configured);
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                candidates.Add(Path.Combine(dir.FullName, "models"));
        }

        foreach (var candidate in candidates)
        {
            if (File.Exists(Path.Combine(candidate, DetectorFile)) && File.Exists(Path.Combine(candidate, landmarkFile)))
                return new PoseModelFiles(Path.Combine(candidate, DetectorFile), Path.Combine(candidate, landmarkFile));
        }

        throw new FileNotFoundException(
            $"The pose models ({DetectorFile}, {landmarkFile}) are not in {(folder ?? $"${EnvironmentVariable}, nor in a models/ folder beside or above {AppContext.BaseDirectory}")}; tools/models.sh regenerates them.");
    }
}
