using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision;

/// <summary>
/// One frame in, the poses in it out, with running statistics; stateful (it tracks people from frame to frame),
/// so one per stream, fed in media-time order from one thread at a time. <see cref="PoseEstimator"/> is the product's.
/// </summary>
public interface IPoseEstimator : IDisposable
{
    PoseStatistics Statistics { get; }

    /// <summary>The poses in one 8-bit BGR frame taken at <paramref name="time"/>; the frame is only read during the call.</summary>
    PoseFrame Process(Mat frame, MediaTime time);
}
