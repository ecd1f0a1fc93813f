namespace MirrorSense.Core;

/// <summary>
/// One tracked person's face in one frame. <paramref name="Mesh"/> is null when no trusted face was found (turned away,
/// covered, too small, or its score under <see cref="FaceMesh.MinScore"/>): face measures are then missing, never zero.
/// (<paramref name="X"/>, <paramref name="Y"/>) is where the face is in the frame, in pixels: the middle of the outer eye
/// corners when there is a mesh, else the body pose's nose, so the partner can still be looked at while their face is unread.
/// </summary>
public sealed record PersonFace(Participant Participant, FaceMesh? Mesh, float X, float Y);

/// <summary>The faces of the people tracked in one frame, at the frame's media time; nobody in view is an empty list.</summary>
public sealed record FaceFrame(MediaTime Time, IReadOnlyList<PersonFace> Faces)
{
    /// <summary>
    /// False when the face model did not run on this frame (it runs where the pose stage measured, see
    /// <see cref="PoseFrame.Measured"/>) and the faces are carried over from the last frame it ran on, or placed between two such frames.
    /// </summary>
    public bool Measured { get; init; } = true;

    public PersonFace? Of(Participant participant) => Faces.FirstOrDefault(f => f.Participant == participant);
}
