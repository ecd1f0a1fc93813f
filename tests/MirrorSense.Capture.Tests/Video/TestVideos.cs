using MirrorSense.Capture.Video;
using OpenCvSharp;

namespace MirrorSense.Capture.Tests.Video;

/// <summary>Small videos made on the spot: numbered frames (a bar whose position encodes the index), MJPG in AVI.</summary>
internal static class TestVideos
{
    public static string Write(string path, int frames, double fps = 30, int width = 160, int height = 120)
    {
        using var writer = new VideoWriter(path, VideoWriter.FourCC("MJPG"), fps, new Size(width, height));
        Assert.True(writer.IsOpened(), $"OpenCV cannot write MJPG to {path}");
        using var frame = new Mat(height, width, MatType.CV_8UC3);
        for (var i = 0; i < frames; i++)
        {
            frame.SetTo(new Scalar(40, 40, 40));
            frame.Rectangle(new Rect(i % width, 0, 4, height), Scalar.White, -1);
            writer.Write(frame);
        }

        return path;
    }

    /// <summary>Reads <paramref name="source"/> until it fails: the frames read before, and the failure.</summary>
    public static (int Frames, VideoSourceException Error) ReadUntilFault(IVideoSource source)
    {
        using var frame = new Mat();
        var frames = 0;
        var error = Assert.Throws<VideoSourceException>(() =>
        {
            while (source.Read(frame, out _))
                frames++;
        });
        return (frames, error);
    }

    /// <summary>Keeps only the first <paramref name="fraction"/> of the file's bytes, as a copy cut off mid-transfer.</summary>
    public static void Truncate(string path, double fraction)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * fraction)]);
    }
}
