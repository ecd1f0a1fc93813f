using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Tests;

/// <summary>
/// Converts each pose model at most once per test run (conversion takes seconds) and hands out the
/// TFLite path for OpenCV. Nothing is fetched until a test asks, so a missing package skips that test.
/// </summary>
public sealed class PoseModelFixture
{
    private readonly Dictionary<PoseModel, ConvertedModel> converted = [];
    private readonly Lock gate = new();

    public ConvertedModel Converted(PoseModel model)
    {
        lock (gate)
        {
            if (!converted.TryGetValue(model, out var result))
            {
                var package = NpmPackage.Open(NpmTestPackages.Tarball(NpmTestPackages.Pose), [model.PackageFile]);
                converted[model] = result = ModelConversion.Convert(package, model);
            }

            return result;
        }
    }

    public string TflitePath(PoseModel model) => NpmTestPackages.File(NpmTestPackages.Pose, model.PackageFile);

    public TfliteModel Tflite(PoseModel model) => TfliteModelReader.Read(TflitePath(model));

    /// <summary>A real photo (the sample sheet of @vladmandic/human, MIT), centre-cropped to a square.</summary>
    public static string PhotoPath() => NpmTestPackages.File(NpmTestPackages.Human, "assets/samples.jpg");
}

[CollectionDefinition(Name)]
public sealed class PoseModelCollection : ICollectionFixture<PoseModelFixture>
{
    public const string Name = "pose models";
}
