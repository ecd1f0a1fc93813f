using MirrorSense.Core;
using MirrorSense.Vision.Faces;

namespace MirrorSense.Vision.Streaming;

/// <summary>The poses of one frame and the stage's statistics up to and including it (drops so far included).</summary>
public sealed record PoseUpdate(PoseFrame Poses, PoseStatistics Statistics)
{
    /// <summary>The face stage's statistics up to and including this frame; null when it does not run.</summary>
    public FaceStatistics? Faces { get; init; }

    public MediaTime Time => Poses.Time;
}
