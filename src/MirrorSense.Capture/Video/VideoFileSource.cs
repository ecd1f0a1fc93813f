using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Capture.Video;

/// <summary>
/// Frames of a video file through OpenCV's FFmpeg backend (MP4/H.264, AVI, MKV, …), each stamped with
/// its container time (CAP_PROP_POS_MSEC). A file that ends well short of the frame count its header
/// promises is truncated: the frames before the damage are delivered, then a <see cref="VideoSourceException"/>.
/// </summary>
public sealed class VideoFileSource : IVideoSource
{
    private readonly VideoCapture capture;
    private readonly string path;
    private long delivered;
    private bool ended;

    public VideoFileSource(string path)
    {
        this.path = path;
        if (!File.Exists(path))
            throw new FileNotFoundException($"The video file '{path}' does not exist.", path);
        capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
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

    public bool Read(Mat frame, out MediaTime time)
    {
        time = default;
        if (ended)
            return false;
        if (!capture.Read(frame) || frame.Empty())
        {
            ended = true;
            if (Format.FrameCount is { } expected && delivered < expected - Math.Max(2, expected / 50))
                throw new VideoSourceException(
                    $"'{path}' ends after {delivered} of the {expected} frames its header announces: the file is truncated or damaged.");
            if (delivered == 0)
                throw new VideoSourceException($"'{path}' contains no decodable video frame.");
            return false;
        }

        // POS_MSEC is the time of the frame just decoded; the first frame of a file is at its container start.
        time = MediaTime.FromSeconds(capture.Get(VideoCaptureProperties.PosMsec) / 1000.0);
        delivered++;
        return true;
    }

    public void Dispose() => capture.Dispose();
}
