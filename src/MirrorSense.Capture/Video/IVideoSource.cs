using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Capture.Video;

/// <summary>
/// Where frames come from: a camera or a video file. One <see cref="Read"/> per frame, into a caller's
/// buffer (reused, so no allocation per frame). End of stream is a return value (false); a fault
/// (device gone, file damaged) is a <see cref="VideoSourceException"/> after the frames that could be read.
/// </summary>
public interface IVideoSource : IDisposable
{
    VideoFormat Format { get; }

    /// <summary>Reads the next frame (8-bit BGR) into <paramref name="frame"/> and its media time; false at the end of the stream.</summary>
    bool Read(Mat frame, out MediaTime time);
}
