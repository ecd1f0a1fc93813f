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
    double PoseLatencyMs);
