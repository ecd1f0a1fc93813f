using MirrorSense.Vision.Imaging;
using OpenCvSharp;

namespace MirrorSense.Vision.Landmarks;

/// <summary>
/// Region → landmarks: warps the rotated square region of the frame into the landmark model's 256×256
/// input ([0, 1] RGB) so the body stands upright, runs the model and projects the points back.
/// One instance per tracked person, so two people can run side by side.
/// </summary>
public sealed class PoseLandmarker : IDisposable
{
    public const int InputSize = 256;

    private readonly TensorImage tensor = new(InputSize, 0f, 1f);
    private readonly OnnxModel model;

    public PoseLandmarker(string modelPath, int intraOpThreads) =>
        model = new OnnxModel(modelPath, intraOpThreads, tensor.Data, ["Identity", "Identity_1"]);

    /// <summary>The last crop the model saw (BGR), for inspection.</summary>
    public Mat LastCrop => tensor.Crop;

    public LandmarkEstimate Estimate(Mat frame, RegionOfInterest region)
    {
        tensor.Fill(frame, region);
        using var outputs = model.Run();
        var poseScore = outputs[1].GetTensorDataAsSpan<float>()[0];
        return LandmarkProjection.Project(outputs[0].GetTensorDataAsSpan<float>(), poseScore, region, InputSize);
    }

    public void Dispose()
    {
        model.Dispose();
        tensor.Dispose();
    }
}
