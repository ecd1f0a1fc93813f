using MirrorSense.Fixtures;
using MirrorSense.Testing;
using OpenCvSharp;

namespace MirrorSense.Cli.Tests;

/// <summary>Videos for the pose command, made in the test's folder: real people from the photo sheet of @vladmandic/human (MIT), or no one.</summary>
internal static class PoseVideos
{
    public static double LeanA(double t) => 12 * Math.Sin(2 * Math.PI * t / 4.0);
    public static double LeanB(double t) => 10 * Math.Sin(2 * Math.PI * t / 5.5 + 1);

    /// <summary>The seated woman (left) and the seated man (right) of the sheet, each leaning by its signal.</summary>
    public static string ConstructedDyad(string path, double seconds) => Dyad(path, new ConstructedDyadVideo(Seconds: seconds));

    /// <summary>One camera per person: the constructed dyad with only the woman (left half) or only the man (right half) in view.</summary>
    public static string OneOfTheDyad(string path, double seconds, bool woman) =>
        Dyad(path, new ConstructedDyadVideo(Seconds: seconds) { Hidden = [(Left: !woman, From: 0, To: seconds)] });

    private static string Dyad(string path, ConstructedDyadVideo dyad)
    {
        using var woman = Photo(new Rect(166, 0, 152, 158), 1);
        using var man = Photo(new Rect(355, 0, 150, 158), 1);
        dyad.Write(path, woman, man, LeanA, LeanB);
        return path;
    }

    /// <summary>Three people standing close together, still, for <paramref name="frames"/> frames.</summary>
    public static string ThreePeople(string path, int frames)
    {
        using var photo = Photo(new Rect(1130, 0, 150, 158), 3);
        return Still(path, photo, frames);
    }

    /// <summary>An empty room: a wall and a floor, no one in it.</summary>
    public static string NoOne(string path, int frames)
    {
        using var room = new Mat(480, 640, MatType.CV_8UC3, new Scalar(150, 160, 170));
        room.Rectangle(new Rect(0, 300, 640, 180), new Scalar(60, 80, 100), -1);
        return Still(path, room, frames);
    }

    public static void Truncate(string path, double fraction)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * fraction)]);
    }

    private static string Still(string path, Mat image, int frames)
    {
        using var writer = new VideoWriter(path, VideoWriter.FourCC("MJPG"), 30, image.Size());
        for (var i = 0; i < frames; i++)
            writer.Write(image);
        return path;
    }

    private static Mat Photo(Rect rect, double scale)
    {
        using var sheet = Cv2.ImRead(NpmTestPackages.File(NpmTestPackages.Human, "assets/samples.jpg"));
        using var photo = new Mat(sheet, rect);
        return photo.Resize(new Size(0, 0), scale, scale, InterpolationFlags.Cubic);
    }
}
