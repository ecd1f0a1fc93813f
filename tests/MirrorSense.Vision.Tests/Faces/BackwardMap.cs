using OpenCvSharp;

namespace MirrorSense.Vision.Tests.Faces;

/// <summary>A warp given backwards: for each pixel of the result, where in the picture it is read from.</summary>
internal static class BackwardMap
{
    /// <summary>The picture read at (<paramref name="sourceX"/>, <paramref name="sourceY"/>) for each pixel, row by row; outside the picture its edge is repeated.</summary>
    public static Mat Remap(Mat image, float[] sourceX, float[] sourceY)
    {
        using var mapX = new Mat(image.Rows, image.Cols, MatType.CV_32FC1);
        using var mapY = new Mat(image.Rows, image.Cols, MatType.CV_32FC1);
        mapX.SetArray(sourceX);
        mapY.SetArray(sourceY);
        var warped = new Mat();
        Cv2.Remap(image, warped, mapX, mapY, InterpolationFlags.Linear, BorderTypes.Replicate);
        return warped;
    }
}
