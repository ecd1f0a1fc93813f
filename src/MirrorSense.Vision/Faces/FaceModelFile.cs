using MirrorSense.Vision.Models;

namespace MirrorSense.Vision.Faces;

/// <summary>Where face_landmark.onnx is: an explicit folder, else MIRRORSENSE_MODELS, else `models/` beside the program or above it.</summary>
public static class FaceModelFile
{
    public static string Locate(string? folder = null)
    {
        var found = ModelsFolder.FindWith(folder, ModelCatalog.FaceLandmarks)
            ?? throw new FileNotFoundException(
                $"The face model ({ModelCatalog.FaceLandmarks}) is not in {ModelsFolder.DescribeSearch(folder)}; tools/models.sh regenerates it (`mirrorsense models` says what is wrong).");
        return found.Combine(ModelCatalog.FaceLandmarks);
    }
}
