using OpenCvSharp;

namespace MirrorSense.ModelConverter.Tests;

/// <summary>Model inputs as NHWC float arrays: a real photo or deterministic noise, scaled to the model's range.</summary>
public static class ModelInputs
{
    /// <param name="quadrant">null for the centre square of the whole sheet, or 0..3 (row-major) for the centre square of that quarter.</param>
    public static float[] Photo(string path, int size, float low, float high, int? quadrant = null)
    {
        using var sheet = Read(path);
        using var bgr = quadrant is { } q
            ? new Mat(sheet, new Rect(q % 2 * sheet.Width / 2, q / 2 * sheet.Height / 2, sheet.Width / 2, sheet.Height / 2))
            : sheet.Clone();
        var side = Math.Min(bgr.Width, bgr.Height);
        return Scaled(new Mat(bgr, new Rect((bgr.Width - side) / 2, (bgr.Height - side) / 2, side, side)), size, low, high);
    }

    /// <summary>The square <paramref name="region"/> of a photo (e.g. a face), resized to the model's input.</summary>
    public static float[] PhotoRegion(string path, Rect region, int size, float low, float high)
    {
        using var photo = Read(path);
        return Scaled(new Mat(photo, region), size, low, high);
    }

    private static Mat Read(string path)
    {
        var image = Cv2.ImRead(path, ImreadModes.Color);
        if (image.Empty())
        {
            image.Dispose();
            throw new InvalidDataException($"OpenCV could not decode '{path}'.");
        }

        return image;
    }

    private static float[] Scaled(Mat square, int size, float low, float high)
    {
        using var owned = square;
        using var resized = square.Resize(new Size(size, size), 0, 0, InterpolationFlags.Area);
        using var rgb = resized.CvtColor(ColorConversionCodes.BGR2RGB);
        rgb.GetArray(out Vec3b[] pixels);
        var result = new float[size * size * 3];
        for (var i = 0; i < pixels.Length; i++)
        {
            result[3 * i] = low + (high - low) * pixels[i].Item0 / 255f;
            result[3 * i + 1] = low + (high - low) * pixels[i].Item1 / 255f;
            result[3 * i + 2] = low + (high - low) * pixels[i].Item2 / 255f;
        }

        return result;
    }

    public static float[] Noise(int seed, int size, float low, float high)
    {
        var random = new Random(seed);
        var result = new float[size * size * 3];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = low + (high - low) * (float)random.NextDouble();
        }

        return result;
    }
}
