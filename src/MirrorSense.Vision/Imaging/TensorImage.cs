using System.Runtime.InteropServices;
using OpenCvSharp;

namespace MirrorSense.Vision.Imaging;

/// <summary>
/// Image → model input: an affine warp of a BGR frame into a square RGB float tensor (NHWC, batch 1)
/// scaled to the model's value range. Owns its buffers, reused frame after frame.
/// </summary>
public sealed class TensorImage : IDisposable
{
    private readonly Mat warped;
    private readonly Mat rgb;
    private readonly Mat scaled;
    private readonly float low;
    private readonly float high;

    public TensorImage(int side, float low, float high)
    {
        if (side <= 0)
            throw new ArgumentOutOfRangeException(nameof(side), side, "The tensor side must be positive.");
        Side = side;
        this.low = low;
        this.high = high;
        Data = new float[side * side * 3];
        warped = new Mat(side, side, MatType.CV_8UC3);
        rgb = new Mat(side, side, MatType.CV_8UC3);
        scaled = new Mat(side, side, MatType.CV_32FC3);
    }

    public int Side { get; }

    /// <summary>The tensor values, NHWC RGB; valid until the next fill.</summary>
    public float[] Data { get; }

    /// <summary>The last warped crop (BGR), for inspection and tests.</summary>
    public Mat Crop => warped;

    /// <summary>Fills the tensor with <paramref name="region"/> of <paramref name="frame"/>; outside the frame is black.</summary>
    public void Fill(Mat frame, RegionOfInterest region)
    {
        // Tensor pixel (u, v) samples image point Center + R(rotation)·(size/side·(u, v) − size/2).
        var (cos, sin) = (Math.Cos(region.Rotation), Math.Sin(region.Rotation));
        var k = region.Size / Side;
        var half = region.Size / 2.0;
        using var map = new Mat(2, 3, MatType.CV_64FC1);
        map.Set(0, 0, k * cos);
        map.Set(0, 1, -k * sin);
        map.Set(0, 2, region.Center.X - half * (cos - sin));
        map.Set(1, 0, k * sin);
        map.Set(1, 1, k * cos);
        map.Set(1, 2, region.Center.Y - half * (sin + cos));
        Cv2.WarpAffine(frame, warped, map, new Size(Side, Side), InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap,
            BorderTypes.Constant, Scalar.Black);
        Cv2.CvtColor(warped, rgb, ColorConversionCodes.BGR2RGB);
        rgb.ConvertTo(scaled, MatType.CV_32FC3, (high - low) / 255.0, low);
        Marshal.Copy(scaled.Data, Data, 0, Data.Length);
    }

    /// <summary>The region that letterboxes a whole frame into the tensor (keeps aspect ratio, pads the short side).</summary>
    public static RegionOfInterest Letterbox(int width, int height) =>
        new(new PointF2(width / 2f, height / 2f), Math.Max(width, height), 0);

    public void Dispose()
    {
        warped.Dispose();
        rgb.Dispose();
        scaled.Dispose();
    }
}
