using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests.Faces;

/// <summary>
/// Pulls a face's mouth corners outward along the mouth line and up along the face (what AU12, a smile, does) by a known
/// amount: a smooth local warp, a Gaussian bump of displacement around each corner (σ = 0.12 outer-eye distances, so the
/// middle of the lips moves by under a tenth of a corner's move), sampled backwards with <see cref="Cv2.Remap"/>. At
/// strength 1 each corner moves 0.08 eye distances outward and 0.04 up: about a broad smile.
/// </summary>
internal sealed class MouthCornerWarp
{
    private readonly (Point2f Corner, Point2f Move)[] _corners;
    private readonly float _sigma;

    public MouthCornerWarp(FaceMesh mesh)
    {
        var (rightEye, leftEye) = (mesh[FaceMeshPoint.RightEyeOuter], mesh[FaceMeshPoint.LeftEyeOuter]);
        var eyes = MathF.Sqrt((leftEye.X - rightEye.X) * (leftEye.X - rightEye.X) + (leftEye.Y - rightEye.Y) * (leftEye.Y - rightEye.Y));
        var across = new Point2f((leftEye.X - rightEye.X) / eyes, (leftEye.Y - rightEye.Y) / eyes);
        var up = new Point2f(across.Y, -across.X);
        Point2f Move(float outward) => new((outward * across.X * 0.08f + up.X * 0.04f) * eyes, (outward * across.Y * 0.08f + up.Y * 0.04f) * eyes);
        _corners =
        [
            (new Point2f(mesh[FaceMeshPoint.MouthRight].X, mesh[FaceMeshPoint.MouthRight].Y), Move(-1)),
            (new Point2f(mesh[FaceMeshPoint.MouthLeft].X, mesh[FaceMeshPoint.MouthLeft].Y), Move(1)),
        ];
        _sigma = 0.12f * eyes;
    }

    public Mat Apply(Mat image, double strength)
    {
        var (rows, cols) = (image.Rows, image.Cols);
        var (sourceX, sourceY) = (new float[rows * cols], new float[rows * cols]);
        var s = (float)strength;
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < cols; x++)
            {
                var (sx, sy) = ((float)x, (float)y);
                foreach (var (corner, move) in _corners)
                {
                    var (dx, dy) = (x - corner.X - s * move.X, y - corner.Y - s * move.Y);
                    var weight = s * MathF.Exp(-(dx * dx + dy * dy) / (2 * _sigma * _sigma));
                    (sx, sy) = (sx - weight * move.X, sy - weight * move.Y);
                }

                (sourceX[y * cols + x], sourceY[y * cols + x]) = (sx, sy);
            }
        }

        return BackwardMap.Remap(image, sourceX, sourceY);
    }
}
