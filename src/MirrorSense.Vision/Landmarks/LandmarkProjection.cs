using MirrorSense.Core;
using MirrorSense.Vision.Detection;
using MirrorSense.Vision.Imaging;

namespace MirrorSense.Vision.Landmarks;

/// <summary>
/// The landmark model's [195] tensor → landmarks in frame pixels (MediaPipe's TensorsToLandmarks then
/// LandmarkProjection): 39 points × (x, y, z, visibility logit, presence logit) in input pixels, mapped
/// through the region's rotation and scale; z takes the same pixel scale as x; visibility = sigmoid.
/// </summary>
public static class LandmarkProjection
{
    public const int PointCount = 39;
    public const int ValuesPerPoint = 5;

    public static LandmarkEstimate Project(ReadOnlySpan<float> raw, float poseScore, RegionOfInterest region, int inputSize)
    {
        if (raw.Length != PointCount * ValuesPerPoint)
            throw new ArgumentException($"Expected {PointCount * ValuesPerPoint} landmark values, got {raw.Length}.", nameof(raw));
        var body = new PoseLandmark[Skeleton.LandmarkCount];
        for (var i = 0; i < body.Length; i++)
        {
            var p = Point(raw, i, region, inputSize);
            body[i] = new PoseLandmark(p.X, p.Y, raw[i * ValuesPerPoint + 2] / inputSize * region.Size,
                DetectionDecoder.Sigmoid(raw[i * ValuesPerPoint + 3]));
        }

        return new LandmarkEstimate(poseScore, body, Point(raw, 33, region, inputSize), Point(raw, 34, region, inputSize));
    }

    private static PointF2 Point(ReadOnlySpan<float> raw, int index, RegionOfInterest region, int inputSize) =>
        region.ToImage(raw[index * ValuesPerPoint] / inputSize, raw[index * ValuesPerPoint + 1] / inputSize);
}
