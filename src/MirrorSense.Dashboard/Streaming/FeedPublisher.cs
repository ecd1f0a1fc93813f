using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using MirrorSense.Dashboard.Wire;
using Microsoft.Extensions.Logging;

namespace MirrorSense.Dashboard.Streaming;

/// <summary>
/// Turns the feed into page events: every update (and its cue, when cues are on), skeletons at most
/// <see cref="PosePeriod"/> apart, face markers at most <see cref="FacePeriod"/> apart, health at most <see cref="HealthPeriod"/> apart, and the newest video frame.
/// Each event is serialized once here, on the feed's thread, with no blocking: mailboxes only swap references.
/// </summary>
internal static class FeedPublisher
{
    /// <summary>Skeletons go out at ~15/s: smooth enough to watch, half a camera's rate in JSON.</summary>
    public static readonly TimeSpan PosePeriod = TimeSpan.FromSeconds(1.0 / 15);

    /// <summary>Each face's smile and gaze marker: ten times a second follows a smile as it grows without a message per frame.</summary>
    public static readonly TimeSpan FacePeriod = TimeSpan.FromSeconds(0.1);

    /// <summary>Capture health changes slowly; twice a second is plenty.</summary>
    public static readonly TimeSpan HealthPeriod = TimeSpan.FromSeconds(0.5);

    public static IDisposable Publish(this DashboardFeed feed, bool cues, IScheduler scheduler, EventBroadcaster events, LatestVideoFrame video, ILogger logger)
    {
        // Errors end that stream for the page but must not reach the capture thread that raised them.
        void Report(string stream, Exception error) => logger.LogWarning(error, "The dashboard's {Stream} stream failed; the page stops showing it.", stream);

        return new CompositeDisposable(
            feed.Video.Subscribe(video.Publish, e => Report("video", e)),
            feed.Updates.Subscribe(
                update =>
                {
                    events.Publish(DashboardJson.Event(DashboardEventKind.Update, UpdateMessage.From(update, feed)));
                    if (cues && update.Cue is { } cue)
                        events.Publish(DashboardJson.Event(DashboardEventKind.Cue, CueMessage.From(cue, feed)));
                },
                e => Report("update", e)),
            feed.Poses.Sample(PosePeriod, scheduler).Subscribe(
                frame =>
                {
                    var size = video.Current is { } latest ? FrameSize.FromJpeg(latest.Jpeg.Span) : null;
                    events.Publish(DashboardJson.Event(DashboardEventKind.Pose, PoseMessage.From(frame, size, feed)));
                },
                e => Report("pose", e)),
            feed.Faces.Sample(FacePeriod, scheduler).Subscribe(
                frame => events.Publish(DashboardJson.Event(DashboardEventKind.Face, FaceMessage.From(frame, feed))),
                e => Report("face", e)),
            feed.Health.Sample(HealthPeriod, scheduler).Subscribe(
                health => events.Publish(DashboardJson.Event(DashboardEventKind.Health, HealthMessage.From(health, feed))),
                e => Report("health", e)));
    }
}
