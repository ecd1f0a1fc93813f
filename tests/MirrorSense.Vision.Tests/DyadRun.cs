using System.Reactive.Linq;
using MirrorSense.Core;
using MirrorSense.Vision.Streaming;

namespace MirrorSense.Vision.Tests;

/// <summary>Runs every frame of a video file through the pose stage in offline flow, timed by the container.</summary>
public static class DyadRun
{
    public static List<PoseFrame> Run(string video, PoseOptions options) =>
        [.. VideoFrames.Observe(video).EstimatePoses(options, PoseFlow.Offline).Select(u => u.Poses).ToList().Wait()];
}
