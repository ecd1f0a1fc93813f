namespace MirrorSense.Dashboard.Streaming;

/// <summary>
/// The server-sent event types, in the order a client receives them when several are pending. A cue travels as
/// its own event (not only inside its update) so that coalescing updates for a slow client never drops one.
/// </summary>
internal enum DashboardEventKind
{
    Update,
    Cue,
    Pose,
    Face,
    Health,
    Ended,
}

internal static class DashboardEventKindExtensions
{
    public const int Count = 6;

    /// <summary>The `event:` name on the wire.</summary>
    public static string WireName(this DashboardEventKind kind) => kind switch
    {
        DashboardEventKind.Update => "update",
        DashboardEventKind.Cue => "cue",
        DashboardEventKind.Pose => "pose",
        DashboardEventKind.Face => "face",
        DashboardEventKind.Health => "health",
        DashboardEventKind.Ended => "ended",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
