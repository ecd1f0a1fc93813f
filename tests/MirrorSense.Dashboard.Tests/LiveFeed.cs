using System.Reactive.Subjects;
using MirrorSense.Core;

namespace MirrorSense.Dashboard.Tests;

/// <summary>A dashboard feed the test drives by hand: one subject per stream, media time 0 at a fixed instant.</summary>
internal sealed class LiveFeed : IDisposable
{
    public static readonly DateTimeOffset Zero = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <param name="mediaTimeZero">The wall-clock instant of media time 0; <see cref="Zero"/> unless the test runs in real time.</param>
    public LiveFeed(DateTimeOffset? mediaTimeZero = null) => Feed = new DashboardFeed(Updates, Poses, Health, Video, mediaTimeZero ?? Zero) { Faces = Faces };

    public Subject<CoordinationUpdate> Updates { get; } = new();
    public Subject<PoseFrame> Poses { get; } = new();
    public Subject<FeatureFrame> Faces { get; } = new();
    public Subject<CaptureHealth> Health { get; } = new();
    public Subject<VideoFrame> Video { get; } = new();
    public DashboardFeed Feed { get; }

    public void Dispose()
    {
        Updates.Dispose();
        Poses.Dispose();
        Faces.Dispose();
        Health.Dispose();
        Video.Dispose();
    }
}
