using MirrorSense.Core;

namespace MirrorSense.Dashboard;

/// <summary>
/// How capture is doing at <paramref name="Time"/>: the devices, frame counts since the start (dropped frames are
/// the stale ones the pose stage skipped) and how long pose estimation takes per frame.
/// </summary>
public sealed record CaptureHealth(
    MediaTime Time,
    IReadOnlyList<SourceStatus> Sources,
    long FramesCaptured,
    long FramesDropped,
    double PoseLatencyMs)
{
    /// <summary>Estimated frames on which the face model was put off so the body could keep up (faces carried instead).</summary>
    public long FacesPutOff { get; init; }
}
