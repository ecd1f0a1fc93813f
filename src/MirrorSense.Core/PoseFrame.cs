namespace MirrorSense.Core;

/// <summary>
/// The people found in one frame, at the frame's media time. No one in frame is an empty list,
/// never a missing frame, so downstream time still advances.
/// </summary>
public sealed record PoseFrame(MediaTime Time, IReadOnlyList<PersonPose> People)
{
    public PersonPose? Of(Participant participant) => People.FirstOrDefault(p => p.Participant == participant);
}
