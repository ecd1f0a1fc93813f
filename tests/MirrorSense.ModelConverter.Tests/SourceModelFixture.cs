using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Tests;

/// <summary>
/// Converts each model at most once per test run (conversion takes seconds) and hands out the
/// TFLite file for OpenCV. Nothing is fetched until a test asks, so a missing package skips that test.
/// </summary>
public sealed class SourceModelFixture
{
    private readonly Dictionary<SourceModel, ConvertedModel> converted = [];
    private readonly Lock gate = new();

    public ConvertedModel Converted(SourceModel model)
    {
        lock (gate)
        {
            if (!converted.TryGetValue(model, out var result))
            {
                converted[model] = result = ModelConversion.Convert(Package(model), model);
            }

            return result;
        }
    }

    public static NpmPackage Package(SourceModel model) =>
        NpmPackage.Open(NpmTestPackages.Tarball(model.Package.ToString()), model.PackageFiles);

    /// <summary>The TFLite file on disk; a packed asset is cut out of its bundle once, into the package's cache folder.</summary>
    public string TflitePath(SourceModel model)
    {
        if (model.PackedAsset is null)
        {
            return NpmTestPackages.File(model.Package.ToString(), model.PackageFile);
        }

        lock (gate)
        {
            var path = Path.Combine(Path.ChangeExtension(NpmTestPackages.Tarball(model.Package.ToString()), null), "packed", model.PackedAsset);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path + ".partial", ModelConversion.Tflite(Package(model), model).ToArray());
                File.Move(path + ".partial", path, overwrite: true);
            }

            return path;
        }
    }

    public TfliteModel Tflite(SourceModel model) => TfliteModelReader.Read(TflitePath(model));

    /// <summary>A real photo (the sample sheet of @vladmandic/human, MIT), centre-cropped to a square.</summary>
    public static string PhotoPath() => NpmTestPackages.File(NpmTestPackages.Human, "assets/samples.jpg");
}

[CollectionDefinition(Name)]
public sealed class SourceModelCollection : ICollectionFixture<SourceModelFixture>
{
    public const string Name = "source models";
}
