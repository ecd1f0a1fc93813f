namespace MirrorSense.Vision.Streaming;

/// <summary>How the pose stage meets frames that come faster than it can estimate them (ARCHITECTURE.md, "Flow control").</summary>
public enum PoseFlow
{
    /// <summary>
    /// Recorded media: every frame is estimated, in order, on the thread that delivers it, so the source is
    /// held back (it cannot deliver the next frame until the previous one is done). Nothing is dropped.
    /// </summary>
    Offline,

    /// <summary>
    /// A camera: frames are estimated on the scheduler, one at a time; while one is being estimated, a newer
    /// frame replaces the one waiting (one slot, never a queue), and each frame replaced is counted in
    /// <see cref="PoseStatistics.FramesDropped"/>. The newest frame is always estimated, so the last frame before
    /// the end of the stream is never lost. The source is never held back.
    /// </summary>
    Live,
}
