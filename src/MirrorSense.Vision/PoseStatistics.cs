namespace MirrorSense.Vision;

/// <summary>
/// What a pose run has seen so far: frames estimated, frames with people, detector runs, and frames where more
/// people stood than are tracked; in live flow also the frames dropped unseen because a newer one arrived while
/// the estimator was busy.
/// </summary>
public sealed record PoseStatistics(long Frames, long FramesWithPeople, long DetectorRuns, long FramesWithExtraPeople, int MostPeopleDetected, long FramesDropped = 0);
