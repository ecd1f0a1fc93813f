using MirrorSense.Vision.Models;

namespace MirrorSense.Vision;

/// <summary>
/// The two model files a pose run opens, found as <see cref="ModelsFolder"/> describes: an explicit folder,
/// else MIRRORSENSE_MODELS, else `models/` beside the program, else the nearest `models/` above it.
/// </summary>
public sealed record PoseModelFiles(string Detector, string Landmarks)
{
    public const string EnvironmentVariable = ModelsFolder.EnvironmentVariable;

    public static PoseModelFiles Locate(LandmarkModelKind model, string? folder = null)
    {
        var landmarkFile = ModelCatalog.LandmarkFile(model);
        var found = ModelsFolder.FindWith(folder, ModelCatalog.Detector, landmarkFile)
            ?? throw new FileNotFoundException(
                $"The pose models ({ModelCatalog.Detector}, {landmarkFile}) are not in {ModelsFolder.DescribeSearch(folder)}; tools/models.sh regenerates them (`mirrorsense models` says what is wrong).");
        return new PoseModelFiles(found.Combine(ModelCatalog.Detector), found.Combine(landmarkFile));
    }
}
