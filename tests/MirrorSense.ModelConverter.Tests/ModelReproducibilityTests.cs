using System.Text.RegularExpressions;

namespace MirrorSense.ModelConverter.Tests;

/// <summary>The committed models/ are exactly what the converter makes from the pinned package, and making them is deterministic.</summary>
[Collection(SourceModelCollection.Name)]
public sealed partial class ModelReproducibilityTests(SourceModelFixture models)
{
    public static TheoryData<string> Models => [.. SourceModels.All.Select(model => model.OnnxFile)];

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void Should_convert_to_the_same_bytes_every_time(string onnxFile)
    {
        // Given a model converted once (cached by the fixture) and once more now
        var model = SourceModels.All.Single(m => m.OnnxFile == onnxFile);
        var first = models.Converted(model);
        var package = SourceModelFixture.Package(model);

        // Then the bytes are identical
        Assert.Equal(first.Onnx, ModelConversion.Convert(package, model).Onnx);
    }

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void Should_match_the_committed_model_and_its_recorded_checksums(string onnxFile)
    {
        // Given the checksums recorded in models/MODELS.md
        var folder = ModelsFolder();
        var recorded = Checksums(File.ReadAllText(Path.Combine(folder, "MODELS.md")));
        var model = SourceModels.All.Single(m => m.OnnxFile == onnxFile);

        // When the model is converted from the pinned package
        var converted = models.Converted(model);

        // Then source, conversion and committed file all carry the recorded digests
        Assert.Equal(recorded[model.SourceName], converted.SourceSha256);
        Assert.Equal(recorded[model.OnnxFile], converted.OnnxSha256);
        Assert.Equal(recorded[model.OnnxFile], ModelConversion.Sha256(File.ReadAllBytes(Path.Combine(folder, model.OnnxFile))));
    }

    private static Dictionary<string, string> Checksums(string markdown) =>
        ChecksumLine().Matches(markdown).ToDictionary(match => match.Groups["file"].Value, match => match.Groups["sha"].Value);

    private static string ModelsFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MirrorSense.sln")))
            {
                return Path.Combine(folder.FullName, "models");
            }
        }

        throw new DirectoryNotFoundException($"No MirrorSense.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^(?<sha>[0-9a-f]{64})  (?<file>\S+)$", RegexOptions.Multiline)]
    private static partial Regex ChecksumLine();
}
