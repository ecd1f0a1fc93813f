namespace MirrorSense.Vision;

/// <summary>What a pose run has seen so far: frames, detector runs, and frames where more people stood than are tracked.</summary>
public sealed record PoseStatistics(long Frames, long FramesWithPeople, long DetectorRuns, long FramesWithExtraPeople, int MostPeopleDetected);
