using MirrorSense.Core;

namespace MirrorSense.Dashboard.Wire;

/// <summary>The `pose` event: the skeletons of one frame, and their faces when the face stage ran, ready to draw (see <see cref="PersonMessage"/>).</summary>
internal sealed record PoseMessage(double TimeS, long CapturedMs, IReadOnlyList<PersonMessage> People)
{
    public static PoseMessage From(PoseFrame frame, FrameSize? size, DashboardFeed feed) => new(
        frame.Time.Seconds,
        feed.CapturedUnixMs(frame.Time),
        [.. frame.People.Select(p => PersonMessage.From(p, size, frame.Faces?.Of(p.Participant)?.Mesh)).OfType<PersonMessage>()]);
}
