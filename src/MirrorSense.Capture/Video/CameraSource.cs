using System.Diagnostics;
using System.Globalization;
using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Capture.Video;

/// <summary>
/// Live frames from a camera (V4L2 on Linux, by index or device path) or from a live stream such as a
/// named pipe (FFmpeg). Media time is the capture clock: the driver's or stream's timestamp of each frame
/// relative to the first, falling back to the arrival clock only when the device gives none.
/// Read blocks until the next frame exists, so frames come at the camera's pace.
/// </summary>
public sealed class CameraSource : IVideoSource
{
    private readonly VideoCapture capture;
    private readonly string device;
    private readonly Stopwatch arrival = new();
    private double? firstStampMs;
    private MediaTime last = new(-1);

    public CameraSource(CameraSettings settings, Func<IReadOnlyList<string>>? listCameras = null)
    {
        device = settings.Device;
        capture = Open(settings.Device);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            var cameras = (listCameras ?? CameraDevices.Describe)();
            throw new VideoSourceException($"No camera at '{settings.Device}'. Cameras on this machine: {CameraDevices.Describe(cameras)}.");
        }

        if (settings.Width > 0)
            capture.Set(VideoCaptureProperties.FrameWidth, settings.Width);
        if (settings.Height > 0)
            capture.Set(VideoCaptureProperties.FrameHeight, settings.Height);
        if (settings.FramesPerSecond > 0)
            capture.Set(VideoCaptureProperties.Fps, settings.FramesPerSecond);
        Format = new VideoFormat(capture.FrameWidth, capture.FrameHeight, capture.Fps, null);
    }

    public VideoFormat Format { get; }

    public bool Read(Mat frame, out MediaTime time)
    {
        time = default;
        if (!capture.Read(frame) || frame.Empty())
            return false;   // the stream ended (a pipe closed, a device unplugged)
        var stampMs = capture.Get(VideoCaptureProperties.PosMsec);
        MediaTime candidate;
        if (firstStampMs is null)
        {
            // The session's media clock starts at the first frame.
            firstStampMs = stampMs;
            arrival.Start();
            candidate = MediaTime.Zero;
        }
        else
        {
            // A device that stamps its frames is believed; one that never does is timed on arrival.
            candidate = stampMs > firstStampMs
                ? MediaTime.FromSeconds((stampMs - firstStampMs.Value) / 1000.0)
                : MediaTime.FromSeconds(arrival.Elapsed.TotalSeconds);
        }

        // Keep the clock strictly increasing even if a driver repeats a stamp.
        time = candidate > last ? candidate : new MediaTime(last.Microseconds + 1);
        last = time;
        return true;
    }

    private static VideoCapture Open(string device)
    {
        if (int.TryParse(device, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
            return OpenIndex(index);
        if (device.StartsWith("/dev/video", StringComparison.Ordinal))
            return new VideoCapture(device, VideoCaptureAPIs.V4L2);
        if (!File.Exists(device))
            return new VideoCapture();   // not opened: reported with the list of cameras
        return new VideoCapture(device, VideoCaptureAPIs.FFMPEG);
    }

    /// <summary>A camera by number through the platform's own capture API (Media Foundation first on Windows, then DirectShow).</summary>
    private static VideoCapture OpenIndex(int index)
    {
        if (OperatingSystem.IsLinux())
            return new VideoCapture(index, VideoCaptureAPIs.V4L2);
        if (OperatingSystem.IsMacOS())
            return new VideoCapture(index, VideoCaptureAPIs.AVFOUNDATION);
        if (!OperatingSystem.IsWindows())
            return new VideoCapture(index, VideoCaptureAPIs.ANY);
        var capture = new VideoCapture(index, VideoCaptureAPIs.MSMF);
        if (capture.IsOpened())
            return capture;
        capture.Dispose();
        return new VideoCapture(index, VideoCaptureAPIs.DSHOW);
    }

    public override string ToString() => $"camera '{device}'";

    public void Dispose() => capture.Dispose();
}
