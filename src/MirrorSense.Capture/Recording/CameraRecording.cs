using OpenCvSharp;

namespace MirrorSense.Capture.Recording;

/// <summary>
/// One camera written to an AVI of Motion-JPEG frames (raw media, only when asked for): every frame a picture of its
/// own, so a file cut off by a crash loses only the frames after the cut. The AVI index is written on a clean stop;
/// after a kill, FFmpeg (and so OpenCV) still reads the frames, and <c>ffmpeg -i video.avi -c copy fixed.avi</c>
/// rebuilds the index. Frame times in the file are nominal (<see cref="FramesPerSecond"/>); the capture times of the
/// frames are in the recording's <c>pose.csv</c>.
/// </summary>
public sealed class CameraRecording : IDisposable
{
    private readonly VideoWriter _writer;

    /// <param name="path">The .avi to create (an existing file is not overwritten).</param>
    /// <exception cref="IOException">The file exists, or OpenCV could not open a Motion-JPEG writer for it.</exception>
    public CameraRecording(string path, double framesPerSecond, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (File.Exists(path))
            throw new IOException($"'{path}' already exists; recordings are never overwritten.");
        Path = path;
        FramesPerSecond = framesPerSecond;
        Size = new Size(width, height);
        _writer = new VideoWriter(path, FourCC.MJPG, framesPerSecond, Size);
        if (!_writer.IsOpened())
        {
            _writer.Dispose();
            throw new IOException($"OpenCV could not open a Motion-JPEG AVI writer for '{path}'.");
        }
    }

    public string Path { get; }
    public double FramesPerSecond { get; }
    public Size Size { get; }
    public long FramesWritten { get; private set; }

    /// <exception cref="ArgumentException">The frame is not the size the recording was opened with.</exception>
    public void Write(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Size() != Size)
            throw new ArgumentException($"The frame is {frame.Width}×{frame.Height}, but '{Path}' records {Size.Width}×{Size.Height}.", nameof(frame));
        _writer.Write(frame);
        FramesWritten++;
    }

    public void Dispose() => _writer.Dispose();
}
