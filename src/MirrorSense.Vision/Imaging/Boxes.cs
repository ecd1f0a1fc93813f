namespace MirrorSense.Vision.Imaging;

/// <summary>Overlap of axis-aligned boxes given as (left, top, right, bottom).</summary>
public static class Boxes
{
    public static float IntersectionOverUnion((float L, float T, float R, float B) a, (float L, float T, float R, float B) b)
    {
        var intersection = Intersection(a, b);
        var union = Area(a) + Area(b) - intersection;
        return union > 0 ? intersection / union : 0;
    }

    public static float Intersection((float L, float T, float R, float B) a, (float L, float T, float R, float B) b) =>
        Math.Max(0, Math.Min(a.R, b.R) - Math.Max(a.L, b.L)) * Math.Max(0, Math.Min(a.B, b.B) - Math.Max(a.T, b.T));

    public static float Area((float L, float T, float R, float B) box) => Math.Max(0, box.R - box.L) * Math.Max(0, box.B - box.T);
}
