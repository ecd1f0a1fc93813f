using System.Reactive.Linq;
using MirrorSense.Core;
using MirrorSense.Vision.Streaming;
using MirrorSense.Vision.Tracking;

namespace MirrorSense.Vision.Tests;

/// <summary>
/// Runs every frame of a video file through the pose stage in offline flow, timed by the container, as the offline
/// hosts do: landmarks smoothed backwards as well, and with <see cref="PoseOptions.LandmarkEvery"/> above 1 the frames
/// the landmark model skipped placed between the measured ones (see OfflinePoseRefinement).
/// </summary>
public static class DyadRun
{
    /// <param name="backwards">False: the landmarks smoothed forward only, as the pose stage gives them (and as offline runs did before).</param>
    public static List<PoseFrame> Run(string video, PoseOptions options, bool backwards = true) =>
        [.. VideoFrames.Observe(video).EstimatePoses(options, PoseFlow.Offline).Select(u => u.Poses)
            .RefineOffline(backwards ? options.Smoothing : SmoothingOptions.None).ToList().Wait()];
}
