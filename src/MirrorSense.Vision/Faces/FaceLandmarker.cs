using MirrorSense.Core;
using MirrorSense.Vision.Imaging;
using OpenCvSharp;

namespace MirrorSense.Vision.Faces;

/// <summary>
/// Face region → face mesh (MediaPipe's face_landmark_cpu): warps the rotated square region of the frame
/// into the model's 192×192 input ([0, 1] RGB) so the face stands upright, runs the model and projects the
/// 468 points back to frame pixels. One instance per person slot, so two faces can run side by side.
/// </summary>
public sealed class FaceLandmarker : IDisposable
{
    public const int InputSize = 192;

    /// <summary>MediaPipe's threshold on the face score: below it the region holds no usable face.</summary>
    public const float MinFaceScore = FaceMesh.MinScore;

    private const string LandmarksOutput = "conv2d_21";
    private const string ScoreOutput = "conv2d_31";

    private readonly TensorImage tensor = new(InputSize, 0f, 1f);
    private readonly OnnxModel model;

    public FaceLandmarker(string modelPath, int intraOpThreads = 1) =>
        model = new OnnxModel(modelPath, intraOpThreads, tensor.Data, [LandmarksOutput, ScoreOutput]);

    /// <summary>Opens models/face_landmark.onnx, found as <see cref="Models.ModelsFolder"/> describes.</summary>
    public static FaceLandmarker Open(string? modelFolder = null, int intraOpThreads = 1) =>
        new(FaceModelFile.Locate(modelFolder), intraOpThreads);

    /// <summary>The last crop the model saw (BGR), for inspection.</summary>
    public Mat LastCrop => tensor.Crop;

    /// <summary>
    /// The face mesh in <paramref name="region"/> of a BGR <paramref name="frame"/> taken at <paramref name="time"/>.
    /// A region without a face (turned away, covered, too small) still gives a mesh, with a low score.
    /// </summary>
    public FaceMesh Estimate(Mat frame, RegionOfInterest region, MediaTime time)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Empty() || frame.Type() != MatType.CV_8UC3)
            throw new ArgumentException("Frames must be non-empty 8-bit BGR images.", nameof(frame));
        if (!float.IsFinite(region.Size) || region.Size <= 0 || !float.IsFinite(region.Rotation)
            || !float.IsFinite(region.Center.X) || !float.IsFinite(region.Center.Y))
            throw new ArgumentOutOfRangeException(nameof(region), region, "A face region needs a finite centre and rotation and a positive size.");
        tensor.Fill(frame, region);
        using var outputs = model.Run();
        return FaceMeshProjection.Project(outputs[0].GetTensorDataAsSpan<float>(), outputs[1].GetTensorDataAsSpan<float>()[0], region, InputSize, time);
    }

    public void Dispose()
    {
        model.Dispose();
        tensor.Dispose();
    }
}
