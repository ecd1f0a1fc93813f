namespace MirrorSense.Dashboard.Wire;

/// <summary>The `health` event: devices, frame counts and pose latency (see <see cref="CaptureHealth"/>).</summary>
internal sealed record HealthMessage(
    double TimeS,
    long CapturedMs,
    IReadOnlyList<SourceStatus> Sources,
    long FramesCaptured,
    long FramesDropped,
    double? PoseLatencyMs,
    long FacesPutOff)
{
    public static HealthMessage From(CaptureHealth health, DashboardFeed feed) => new(
        health.Time.Seconds,
        feed.CapturedUnixMs(health.Time),
        health.Sources,
        health.FramesCaptured,
        health.FramesDropped,
        WireValues.Finite(health.PoseLatencyMs),
        health.FacesPutOff);
}
