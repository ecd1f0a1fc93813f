namespace MirrorSense.Core;

/// <summary>One person's 33 landmarks (indexed as <see cref="Skeleton.Names"/>) in one frame.</summary>
public sealed record PersonPose(Participant Participant, IReadOnlyList<PoseLandmark> Landmarks)
{
    public PoseLandmark this[int landmark] => Landmarks[landmark];
}
