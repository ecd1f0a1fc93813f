namespace MirrorSense.Core;

/// <summary>
/// The people found in one frame, at the frame's media time. No one in frame is an empty list,
/// never a missing frame, so downstream time still advances.
/// </summary>
public sealed record PoseFrame(MediaTime Time, IReadOnlyList<PersonPose> People)
{
    /// <summary>
    /// False when the landmark model did not run on this frame (it runs on every n-th frame only) and the people are
    /// carried over from the last frame it ran on, or placed between two such frames.
    /// </summary>
    public bool Measured { get; init; } = true;

    public PersonPose? Of(Participant participant) => People.FirstOrDefault(p => p.Participant == participant);
}
