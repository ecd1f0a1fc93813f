using Xunit.Abstractions;

namespace MirrorSense.ModelConverter.Tests;

/// <summary>
/// Reports ONNX Runtime latency of each converted model (2 threads). It asserts only a generous
/// ceiling: a layout mistake (e.g. a transpose per layer) shows as a multiple, machine noise does not.
/// </summary>
[Collection(PoseModelCollection.Name)]
public sealed class InferenceTimingTests(PoseModelFixture models, ITestOutputHelper output)
{
    public static TheoryData<string> Models => [.. PoseModels.All.Select(model => model.OnnxFile)];

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void Should_run_well_within_a_frame_budget(string onnxFile)
    {
        // Given a converted model and a noise input of its size
        var model = PoseModels.All.Single(m => m.OnnxFile == onnxFile);
        var size = model == PoseModels.Detector ? 224 : 256;
        using var onnx = new OnnxRunner(models.Converted(model).Onnx);

        // When it runs repeatedly
        var median = onnx.MedianTime(ModelInputs.Noise(seed: 7, size, 0f, 1f), runs: 30);
        output.WriteLine($"{onnxFile}: median {median.TotalMilliseconds:F1} ms (ONNX Runtime, 2 threads)");

        // Then it stays within a ceiling that only a structural regression (not a busy machine) breaks
        Assert.True(median < TimeSpan.FromMilliseconds(1000), $"{onnxFile} took {median.TotalMilliseconds:F1} ms");
    }
}
