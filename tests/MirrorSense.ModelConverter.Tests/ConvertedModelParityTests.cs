using Xunit.Abstractions;

namespace MirrorSense.ModelConverter.Tests;

/// <summary>The converted ONNX models compute what the TFLite originals compute.</summary>
[Collection(SourceModelCollection.Name)]
public sealed class ConvertedModelParityTests(SourceModelFixture models, ITestOutputHelper output)
{
    private const float Tolerance = 5e-3f;

    public static TheoryData<string, string> LandmarkCases => new()
    {
        { nameof(PoseModels.LandmarkLite), "photo" },
        { nameof(PoseModels.LandmarkLite), "noise" },
        { nameof(PoseModels.LandmarkFull), "photo" },
        { nameof(PoseModels.LandmarkFull), "noise" },
    };

    public static TheoryData<string> Inputs => ["photo", "noise"];

    [SkippableTheory]
    [MemberData(nameof(LandmarkCases))]
    public void Should_match_OpenCVs_TFLite_importer_on_landmark_models(string modelName, string inputKind)
    {
        // Given a landmark model converted to ONNX and an input in [0,1]
        var model = Landmark(modelName);
        var input = Input(inputKind, 256, 0f, 1f);

        // When ONNX Runtime runs the conversion and OpenCV runs the original
        using var onnx = new OnnxRunner(models.Converted(model).Onnx);
        var actual = onnx.Run(input);
        var expected = OpenCvTfliteRunner.Run(models.TflitePath(model), input, 256, 256);

        // Then it has only the outputs the pose stage reads, and they agree within the tolerance
        Assert.Equal(PoseModels.LandmarkOutputs.Order(), actual.Keys.Order());
        AssertClose(expected.Where(pair => actual.ContainsKey(pair.Key)).ToDictionary(), actual, $"{model.OnnxFile} on {inputKind} vs OpenCV");
    }

    public static TheoryData<string> LandmarkModels => [nameof(PoseModels.LandmarkLite), nameof(PoseModels.LandmarkFull)];

    [SkippableTheory]
    [MemberData(nameof(LandmarkModels))]
    public void Should_have_a_reference_interpreter_that_agrees_with_OpenCV(string modelName)
    {
        // The detector test below trusts the managed interpreter; this earns that trust on the models OpenCV can read.
        var model = Landmark(modelName);
        var input = Input("photo", 256, 0f, 1f);
        var interpreted = new TfliteReferenceInterpreter(models.Tflite(model)).Run(input);
        var expected = OpenCvTfliteRunner.Run(models.TflitePath(model), input, 256, 256);
        AssertClose(expected, interpreted, $"reference interpreter on {model.PackageFile} vs OpenCV");
    }

    [SkippableTheory]
    [MemberData(nameof(Inputs))]
    public void Should_match_the_reference_interpreter_on_the_detector(string inputKind)
    {
        // Given the detector (OpenCV rejects its DENSIFY operator) and an input in [-1,1]
        var input = Input(inputKind, 224, -1f, 1f);

        // When ONNX Runtime runs the conversion and the managed NHWC interpreter runs the original
        using var onnx = new OnnxRunner(models.Converted(PoseModels.Detector).Onnx);
        var actual = onnx.Run(input);
        var expected = new TfliteReferenceInterpreter(models.Tflite(PoseModels.Detector)).Run(input);

        // Then boxes and scores agree within the tolerance
        AssertClose(expected, actual, $"pose_detection.onnx on {inputKind} vs reference interpreter");
    }

    public static TheoryData<string> FaceInputs => ["face photo", "noise"];

    [SkippableTheory]
    [MemberData(nameof(FaceInputs))]
    public void Converted_face_mesh_matches_the_TFLite_original_within_5e_3(string inputKind)
    {
        // Given the face mesh converted to ONNX and a 192×192 input in [0,1]: a real face, or noise
        var model = FaceModels.Landmark;
        var input = inputKind == "face photo"
            ? ModelInputs.PhotoRegion(FacePhotoPath(), LeftFaceOfSample1, 192, 0f, 1f)
            : ModelInputs.Noise(seed: 20240601, 192, 0f, 1f);

        // When ONNX Runtime runs the conversion, and OpenCV's importer and the reference interpreter run the original
        using var onnx = new OnnxRunner(models.Converted(model).Onnx);
        var actual = onnx.Run(input);
        var interpreted = new TfliteReferenceInterpreter(models.Tflite(model)).Run(input);
        var opencv = OpenCvTfliteRunner.Run(models.TflitePath(model), input, 192, 192);

        // Then all three agree on the 468 landmarks and the face score
        AssertClose(interpreted, actual, $"{model.OnnxFile} on {inputKind} vs reference interpreter");
        AssertClose(opencv, actual, $"{model.OnnxFile} on {inputKind} vs OpenCV");
    }

    /// <summary>The left woman's face in face-api's demo/sample1.jpg (1920×1280), with a margin as MediaPipe's face region has.</summary>
    private static readonly OpenCvSharp.Rect LeftFaceOfSample1 = new(360, 300, 320, 320);

    private static string FacePhotoPath() => NpmTestPackages.File(NpmTestPackages.FaceApi, "demo/sample1.jpg");

    private static SourceModel Landmark(string name) => name == nameof(PoseModels.LandmarkLite) ? PoseModels.LandmarkLite : PoseModels.LandmarkFull;

    private static float[] Input(string kind, int size, float low, float high) => kind == "photo"
        ? ModelInputs.Photo(SourceModelFixture.PhotoPath(), size, low, high, quadrant: 0)
        : ModelInputs.Noise(seed: 20240601, size, low, high);

    private void AssertClose(IReadOnlyDictionary<string, float[]> expected, IReadOnlyDictionary<string, float[]> actual, string what)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        var report = expected.Keys.Order().Select(name => Compare(name, expected[name], actual[name])).ToArray();
        foreach (var (name, raw, compared) in report)
        {
            output.WriteLine($"{what}: {name} max |Δ| = {raw:G3}" + (raw == compared ? string.Empty : $", as mask probability {compared:G3}"));
        }

        Assert.All(report, entry => Assert.True(entry.Compared <= Tolerance, $"{what}: {entry.Name} differs by {entry.Compared} > {Tolerance}"));
    }

    /// <summary>
    /// Raw max |Δ|, and the one the tolerance applies to. The landmark models' segmentation output
    /// (Identity_2, [1,256,256,1]) holds logits up to ~±900: there OpenCV, the reference interpreter and
    /// ONNX Runtime disagree pairwise by up to ~0.1 (relative ~1e-4, float32 summation order), so it is
    /// compared as what MediaPipe uses it for, the mask probability sigmoid(logit).
    /// </summary>
    private static (string Name, float Raw, float Compared) Compare(string name, float[] expected, float[] actual)
    {
        var raw = Differences.MaxAbs(expected, actual);
        var isSegmentation = name == "Identity_2" && expected.Length == 256 * 256;
        return (name, raw, isSegmentation ? Differences.MaxAbs(Sigmoid(expected), Sigmoid(actual)) : raw);
    }

    private static float[] Sigmoid(float[] logits) => logits.Select(x => 1f / (1f + MathF.Exp(-x))).ToArray();
}
