namespace MirrorSense.Vision.Imaging;

/// <summary>
/// A square, rotated region of an image in pixels: the crop the landmark model sees. A rotation of
/// zero means the region's "up" is the image's up; positive turns it clockwise on screen (y down),
/// as MediaPipe's NormalizedRect.rotation.
/// </summary>
public readonly record struct RegionOfInterest(PointF2 Center, float Size, float Rotation)
{
    /// <summary>
    /// MediaPipe's AlignmentPointsRectsCalculator followed by RectTransformationCalculator(scale, square_long):
    /// the centre is <paramref name="center"/>, the side is twice the distance to <paramref name="scalePoint"/>
    /// times <paramref name="scale"/>, and the rotation turns the centre→scale-point vector straight up.
    /// </summary>
    public static RegionOfInterest FromAlignmentPoints(PointF2 center, PointF2 scalePoint, float scale = 1.25f)
    {
        var dx = scalePoint.X - center.X;
        var dy = scalePoint.Y - center.Y;
        var rotation = NormalizeRadians(MathF.PI / 2 - MathF.Atan2(-dy, dx));
        return new RegionOfInterest(center, 2 * MathF.Sqrt(dx * dx + dy * dy) * scale, rotation);
    }

    /// <summary>Maps a point given in the region's own unit square (0..1 both ways, y down) to image pixels.</summary>
    public PointF2 ToImage(float u, float v)
    {
        var (x, y) = ((u - 0.5f) * Size, (v - 0.5f) * Size);
        var (cos, sin) = (MathF.Cos(Rotation), MathF.Sin(Rotation));
        return new PointF2(Center.X + cos * x - sin * y, Center.Y + sin * x + cos * y);
    }

    /// <summary>The axis-aligned bounding box of the rotated square: (left, top, right, bottom).</summary>
    public (float Left, float Top, float Right, float Bottom) Bounds()
    {
        var half = Size / 2 * (MathF.Abs(MathF.Cos(Rotation)) + MathF.Abs(MathF.Sin(Rotation)));
        return (Center.X - half, Center.Y - half, Center.X + half, Center.Y + half);
    }

    internal static float NormalizeRadians(float angle) =>
        angle - 2 * MathF.PI * MathF.Floor((angle + MathF.PI) / (2 * MathF.PI));
}
