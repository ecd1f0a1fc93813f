using MirrorSense.Core;

namespace MirrorSense.Vision.Streaming;

/// <summary>The poses of one frame and the stage's statistics up to and including it (drops so far included).</summary>
public sealed record PoseUpdate(PoseFrame Poses, PoseStatistics Statistics)
{
    public MediaTime Time => Poses.Time;
}
