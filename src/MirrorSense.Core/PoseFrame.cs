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

    /// <summary>
    /// The changed pixels in each person's region of this frame's picture (MEASURES.md §2), measured by the pose stage
    /// while the picture was at hand; null when the poses came without pictures (a pose table, OpenPose keypoints).
    /// </summary>
    public PixelMotionFrame? Motion { get; init; }

    /// <summary>The faces of this frame's people, found by the face stage on its picture; null when no face stage ran.</summary>
    public FaceFrame? Faces { get; init; }

    public PersonPose? Of(Participant participant) => People.FirstOrDefault(p => p.Participant == participant);
}
