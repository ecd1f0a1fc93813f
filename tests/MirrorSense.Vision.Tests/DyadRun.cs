using System.Reactive.Linq;
using MirrorSense.Core;
using MirrorSense.Vision.Streaming;

namespace MirrorSense.Vision.Tests;

/// <summary>
/// Runs every frame of a video file through the pose stage in offline flow, timed by the container, as the offline
/// hosts do: with <see cref="PoseOptions.LandmarkEvery"/> above 1, the frames the landmark model skipped are placed
/// between the measured ones (with 1 every frame is measured and passes through as it is).
/// </summary>
public static class DyadRun
{
    public static List<PoseFrame> Run(string video, PoseOptions options) =>
        [.. VideoFrames.Observe(video).EstimatePoses(options, PoseFlow.Offline).Select(u => u.Poses).InterpolateSkippedFrames().ToList().Wait()];
}
