using System.Reactive.Subjects;
using MirrorSense.Capture;
using MirrorSense.Core;
using MirrorSense.Dashboard;

namespace MirrorSense.Cli.Live;

/// <summary>The streams the live view reads (the page or the terminal), fed by the session as things happen.</summary>
internal sealed class LiveOutputs : IDisposable
{
    public Subject<CoordinationUpdate> Updates { get; } = new();
    public Subject<PoseFrame> Poses { get; } = new();
    public Subject<FeatureFrame> Faces { get; } = new();
    public Subject<CaptureHealth> Health { get; } = new();
    public Subject<VideoFrame> Video { get; } = new();

    public DashboardFeed Feed(SessionClock clock) => new(Updates, Poses, Health, Video, clock.Zero) { Faces = Faces };

    public void Complete()
    {
        Updates.OnCompleted();
        Poses.OnCompleted();
        Faces.OnCompleted();
        Health.OnCompleted();
        Video.OnCompleted();
    }

    public void Dispose()
    {
        Updates.Dispose();
        Poses.Dispose();
        Faces.Dispose();
        Health.Dispose();
        Video.Dispose();
    }
}
