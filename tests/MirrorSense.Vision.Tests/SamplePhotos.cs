using OpenCvSharp;

using MirrorSense.Testing;

namespace MirrorSense.Vision.Tests;

/// <summary>
/// Real people from the photo sheet of @vladmandic/human (assets/samples.jpg, 1280×1158, MIT): single
/// photos cut from its top row by their rectangles on the sheet. Fetched by npm pack, never committed.
/// </summary>
public static class SamplePhotos
{
    /// <summary>A woman standing, whole body, arms held out (A-pose).</summary>
    public static readonly Rect StandingWoman = new(0, 0, 158, 158);

    /// <summary>A woman seated, head and torso, turned slightly to her right.</summary>
    public static readonly Rect SeatedWoman = new(166, 0, 152, 158);

    /// <summary>A man in a suit seated at a table, head and torso.</summary>
    public static readonly Rect SeatedMan = new(325, 0, 212, 158);

    /// <summary>Three people standing close together: two women and a man between them.</summary>
    public static readonly Rect ThreePeople = new(1130, 0, 150, 158);

    public static string SheetPath() => NpmTestPackages.File(NpmTestPackages.Human, "assets/samples.jpg");

    /// <summary>The photo at <paramref name="rect"/> of the sheet, enlarged <paramref name="scale"/> times (BGR).</summary>
    public static Mat Crop(Rect rect, double scale)
    {
        using var sheet = Cv2.ImRead(SheetPath(), ImreadModes.Color);
        if (sheet.Empty())
            throw new InvalidDataException("OpenCV could not decode samples.jpg.");
        using var photo = new Mat(sheet, rect);
        return photo.Resize(new Size(0, 0), scale, scale, InterpolationFlags.Cubic);
    }
}
