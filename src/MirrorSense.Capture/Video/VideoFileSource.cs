using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Capture.Video;

/// <summary>
/// Frames of a video file through OpenCV's FFmpeg backend (MP4/H.264, AVI, MKV, …), each stamped with
/// its container time (CAP_PROP_POS_MSEC). A file whose frames end well short of the duration its header
/// promises (frame count over frame rate) is truncated: the frames before the damage are delivered, then a
/// <see cref="VideoSourceException"/>. Time, not the frame count, decides: in a variable-frame-rate file the
/// count is only the duration times the nominal rate.
/// </summary>
public sealed class VideoFileSource : IVideoSource
{
    private readonly VideoCapture capture;
    private readonly string path;
    private long delivered;
    private MediaTime lastTime;
    private bool ended;

    public VideoFileSource(string path)
    {
        this.path = path;
        if (!File.Exists(path))
            throw new FileNotFoundException($"The video file '{path}' does not exist.", path);
        capture = Open(path);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new VideoSourceException($"'{path}' is not a video that can be decoded (OpenCV/FFmpeg could not open it).");
        }

        var count = (long)capture.Get(VideoCaptureProperties.FrameCount);
        Format = new VideoFormat(capture.FrameWidth, capture.FrameHeight, capture.Fps, count > 0 ? count : null);
        if (Format.Width <= 0 || Format.Height <= 0)
        {
            capture.Dispose();
            throw new VideoSourceException($"'{path}' has no video stream.");
        }
    }

    public VideoFormat Format { get; }

    private static VideoCapture Open(string path)
    {
        try
        {
            return new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        }
        catch (Exception error) when (error is TypeInitializationException or DllNotFoundException)
        {
            // OpenCvSharp's native half (OpenCvSharpExtern) did not load: missing system libraries, or no build for this platform.
            // The loader lists every path it tried; the first it could not open says why (a missing libgtk-3.so.0, say).
            var lines = (error.InnerException ?? error).Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var reason = lines.FirstOrDefault(line => line.Contains("cannot open shared object file", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? error.GetType().Name;
            throw new VideoSourceException(
                $"videos cannot be read here: OpenCV's native library (OpenCvSharpExtern) did not load ({reason}). " +
                "On Linux it needs GTK 3 (Debian/Ubuntu: apt-get install libgtk-3-0); the Windows and macOS builds carry no OpenCV runtime (see README.md, \"Windows and macOS\").");
        }
    }

    public bool Read(Mat frame, out MediaTime time)
    {
        time = default;
        if (ended)
            return false;
        if (!capture.Read(frame) || frame.Empty())
        {
            ended = true;
            if (Format.FrameCount is { } expected && Format.FramesPerSecond > 0 && delivered > 0)
            {
                var promised = expected / Format.FramesPerSecond;
                var slack = Math.Max(2 / Format.FramesPerSecond, promised / 50);
                if (lastTime.Seconds + 1 / Format.FramesPerSecond < promised - slack)
                {
                    throw new VideoSourceException(
                        $"'{path}' ends at {lastTime.Seconds:0.##} s, after {delivered} of the {expected} frames its header announces ({promised:0.##} s): the file is truncated or damaged.");
                }
            }


            if (delivered == 0)
                throw new VideoSourceException($"'{path}' contains no decodable video frame.");
            return false;
        }

        // POS_MSEC is the time of the frame just decoded; the first frame of a file is at its container start.
        time = MediaTime.FromSeconds(capture.Get(VideoCaptureProperties.PosMsec) / 1000.0);
        lastTime = time;
        delivered++;
        return true;
    }

    public void Dispose() => capture.Dispose();
}
