using MirrorSense.Core;

namespace MirrorSense.Vision.Tracking;

/// <summary>
/// What an offline run does to the pose stage's frames once the frames after them are known: each person's landmarks
/// smoothed backwards as well (<see cref="BackwardSmoothing"/>), then the frames the landmark model skipped placed
/// between the measured ones (<see cref="PoseInterpolation"/>). Frames leave in order, each once, about a second late.
/// </summary>
public sealed class OfflinePoseRefinement(SmoothingOptions smoothing)
{
    private readonly BackwardSmoothing backward = new(smoothing);
    private readonly PoseInterpolation interpolation = new();

    /// <summary>The frames that can leave now that <paramref name="frame"/> has arrived.</summary>
    public IReadOnlyList<PoseFrame> Add(PoseFrame frame) => [.. backward.Add(frame).SelectMany(interpolation.Add)];

    /// <summary>The frames still waiting at the end of the stream.</summary>
    public IReadOnlyList<PoseFrame> Complete() => [.. backward.Complete().SelectMany(interpolation.Add), .. interpolation.Complete()];
}
