using MirrorSense.Core;

namespace MirrorSense.Dashboard;

/// <summary>
/// Everything the live page shows, as the `live` command composes it. <paramref name="MediaTimeZero"/> is the
/// wall-clock instant of media time 0, so each event can say when its newest input was captured and the page
/// can measure capture-to-screen latency.
/// </summary>
public sealed record DashboardFeed(
    IObservable<CoordinationUpdate> Updates,
    IObservable<PoseFrame> Poses,
    IObservable<CaptureHealth> Health,
    IObservable<VideoFrame> Video,
    DateTimeOffset MediaTimeZero)
{
    /// <summary>
    /// The face features of each estimated frame (<c>FaceFeatures.Names</c> among others, found by name), when the
    /// session reads faces; empty otherwise.
    /// </summary>
    public IObservable<FeatureFrame> Faces { get; init; } = System.Reactive.Linq.Observable.Empty<FeatureFrame>();

    /// <summary>The wall-clock Unix milliseconds at which something stamped <paramref name="time"/> was captured.</summary>
    public long CapturedUnixMs(MediaTime time) => MediaTimeZero.ToUnixTimeMilliseconds() + (time.Microseconds / 1000);
}
