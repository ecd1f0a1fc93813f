using MirrorSense.Core;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Tracking;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests.Faces;

/// <summary>
/// A constructed face clip: the woman close to the camera in face-api's demo/sample3.jpg (head and shoulders, 960×720 of
/// the photo around her nose, halved to 480×360, her outer eye corners about 70 px apart), changed frame by frame by a
/// known signal, and run through the real pipeline: pose, the face stage, the face features.
/// </summary>
internal static class FaceClip
{
    public const double FramesPerSecond = 30;

    public static Mat Portrait()
    {
        using var photo = FacePhotos.Read(3);
        using var crop = new Mat(photo, new Rect(688 - 480, 509 - 400, 960, 720));
        return crop.Resize(new Size(480, 360), 0, 0, InterpolationFlags.Area);
    }

    public static MediaTime TimeOf(int frame) => MediaTime.FromSeconds(frame / FramesPerSecond);

    /// <summary>
    /// Each frame (made by <paramref name="frameAt"/> from its time in seconds) → pose → faces, placed between measured
    /// ones as analyze places them (<see cref="FaceInterpolation"/>) → face features; the face stage's count of missing faces.
    /// </summary>
    public static (List<FeatureFrameValues> Features, FaceStatistics Faces) Run(int frames, Func<double, Mat> frameAt)
    {
        using var estimator = new PoseEstimator(new PoseOptions(MaxPeople: 1, Only: Participant.A));
        using var faces = new FaceStage();
        var extractor = new FaceFeatureExtractor();
        var interpolation = new FaceInterpolation();
        var values = new List<FeatureFrameValues>();
        void Add(IEnumerable<FaceFrame> ready) =>
            values.AddRange(ready.Select(extractor.Process).Select(features => new FeatureFrameValues(features.Time.Seconds, [.. features.A])));
        for (var i = 0; i < frames; i++)
        {
            using var frame = frameAt(i / FramesPerSecond);
            var pose = estimator.Process(frame, TimeOf(i));
            Add(interpolation.Add(faces.Estimate(frame, pose)));
        }

        Add(interpolation.Complete());
        return (values, faces.Statistics);
    }

    /// <summary>The mesh on a still frame, as the face stage finds it (for where to warp).</summary>
    public static FaceMesh MeshOf(Mat frame)
    {
        using var estimator = new PoseEstimator(new PoseOptions(MaxPeople: 1, Only: Participant.A));
        using var faces = new FaceStage();
        var pose = estimator.Process(frame, MediaTime.Zero);
        return faces.Estimate(frame, pose).Of(Participant.A)?.Mesh ?? throw new InvalidOperationException("No trusted face in the portrait.");
    }
}

/// <summary>One frame's face features of the person, in <see cref="FaceFeatures.Names"/> order.</summary>
internal sealed record FeatureFrameValues(double Seconds, double[] Values)
{
    public double this[string feature] => Values[FaceFeatures.IndexOf(feature)];
}
