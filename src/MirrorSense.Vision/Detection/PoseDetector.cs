using MirrorSense.Vision.Imaging;
using OpenCvSharp;

namespace MirrorSense.Vision.Detection;

/// <summary>
/// Frame → people: letterboxes the frame into the detector's 224×224 input ([-1, 1] RGB), runs it,
/// decodes the anchors, merges overlaps (weighted NMS) and maps boxes and keypoints back to frame pixels.
/// </summary>
public sealed class PoseDetector : IDisposable
{
    public const int InputSize = 224;

    private readonly TensorImage tensor = new(InputSize, -1f, 1f);
    private readonly OnnxModel model;
    private readonly DetectionDecoder decoder;
    private readonly WeightedNonMaxSuppression suppression;

    public PoseDetector(string modelPath, int intraOpThreads, float minScore = 0.5f, float overlapThreshold = 0.3f)
    {
        model = new OnnxModel(modelPath, intraOpThreads, tensor.Data, ["Identity", "Identity_1"]);
        decoder = new DetectionDecoder(SsdAnchors.PoseDetector, minScore);
        suppression = new WeightedNonMaxSuppression(overlapThreshold);
    }

    /// <summary>People in <paramref name="frame"/> (BGR), best score first, in frame pixels.</summary>
    public IReadOnlyList<PersonDetection> Detect(Mat frame)
    {
        var letterbox = TensorImage.Letterbox(frame.Width, frame.Height);
        tensor.Fill(frame, letterbox);
        IReadOnlyList<PersonDetection> found;
        using (var outputs = model.Run())
            found = decoder.Decode(outputs[0].GetTensorDataAsSpan<float>(), outputs[1].GetTensorDataAsSpan<float>());
        return [.. suppression.Apply(found).Select(d => ToFrame(d, letterbox))];
    }

    private static PersonDetection ToFrame(PersonDetection d, RegionOfInterest letterbox)
    {
        PointF2 Map(PointF2 p) => letterbox.ToImage(p.X / InputSize, p.Y / InputSize);
        var scale = letterbox.Size / InputSize;
        return new PersonDetection(d.Score, Map(d.Center), d.Width * scale, d.Height * scale, [.. d.Keypoints.Select(Map)]);
    }

    public void Dispose()
    {
        model.Dispose();
        tensor.Dispose();
    }
}
