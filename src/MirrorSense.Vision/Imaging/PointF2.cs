namespace MirrorSense.Vision.Imaging;

/// <summary>A point in image pixels (x right, y down).</summary>
public readonly record struct PointF2(float X, float Y)
{
    public static PointF2 Midpoint(PointF2 a, PointF2 b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);

    public float DistanceTo(PointF2 other) => MathF.Sqrt((X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y));
}
