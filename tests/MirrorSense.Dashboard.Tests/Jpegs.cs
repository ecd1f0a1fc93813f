using MirrorSense.Testing;

namespace MirrorSense.Dashboard.Tests;

/// <summary>Real JPEG files made by ffmpeg (the product receives JPEGs already encoded by the CLI).</summary>
internal static class Jpegs
{
    /// <summary>A plain frame of <paramref name="width"/>×<paramref name="height"/> in a muted room colour; skipped when ffmpeg is missing.</summary>
    public static byte[] Plain(TempFolder folder, int width, int height)
    {
        var path = folder.Combine($"frame-{width}x{height}.jpg");
        ExternalTool.Run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", $"color=c=0x4a5360:s={width}x{height}",
            "-frames:v", "1", "-q:v", "4", path);
        return File.ReadAllBytes(path);
    }
}
