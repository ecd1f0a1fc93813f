using MirrorSense.Core;
using MirrorSense.Vision.Detection;
using MirrorSense.Vision.Imaging;

namespace MirrorSense.Vision.Faces;

/// <summary>
/// The face model's tensors → a <see cref="FaceMesh"/> in frame pixels (MediaPipe's TensorsToLandmarks then
/// LandmarkProjection): 468 × (x, y, z) in input pixels, mapped through the region's rotation and scale;
/// z takes the same pixel scale as x. The score tensor is a logit; MediaPipe reads it through a sigmoid.
/// </summary>
public static class FaceMeshProjection
{
    public const int ValuesPerPoint = 3;

    public static FaceMesh Project(ReadOnlySpan<float> raw, float scoreLogit, RegionOfInterest region, int inputSize, MediaTime time)
    {
        if (raw.Length != FaceMesh.PointCount * ValuesPerPoint)
            throw new ArgumentException($"Expected {FaceMesh.PointCount * ValuesPerPoint} face mesh values, got {raw.Length}.", nameof(raw));
        var points = new FacePoint[FaceMesh.PointCount];
        for (var i = 0; i < points.Length; i++)
        {
            var p = region.ToImage(raw[i * ValuesPerPoint] / inputSize, raw[i * ValuesPerPoint + 1] / inputSize);
            points[i] = new FacePoint(p.X, p.Y, raw[i * ValuesPerPoint + 2] / inputSize * region.Size);
        }

        return new FaceMesh(time, DetectionDecoder.Sigmoid(Math.Clamp(scoreLogit, -100f, 100f)), points);
    }
}
