using MirrorSense.Core;

namespace MirrorSense.Dashboard.Wire;

/// <summary>The `cue` event: one short coaching line the page shows for <paramref name="ShowForS"/> seconds.</summary>
internal sealed record CueMessage(double TimeS, long CapturedMs, string Channel, string Kind, string Text, double ShowForS)
{
    public static CueMessage From(CoachingCue cue, DashboardFeed feed) => new(
        cue.Time.Seconds,
        feed.CapturedUnixMs(cue.Time),
        WireValues.Name(cue.Channel),
        WireValues.Name(cue.Kind),
        cue.Text,
        cue.ShowFor.TotalSeconds);
}
