using MirrorSense.Core;

namespace MirrorSense.Dashboard.Wire;

/// <summary>
/// One skeleton on the wire: <paramref name="Points"/> holds x, y, visibility for each of the 33 landmarks, with x
/// and y as fractions (0–1) of the image, so the page can draw over the video at whatever size it shows it.
/// <paramref name="Face"/>, when the person's face mesh was trusted on this frame, holds the outlines of
/// <see cref="FaceOutline.All"/> (face, lips, eyes), each as x, y pairs on the same scale; null otherwise.
/// </summary>
internal sealed record PersonMessage(string Participant, float[] Points, float[][]? Face)
{
    /// <summary>Coordinates no larger than this are taken as already normalized: a pixel-space skeleton of a visible person always spans more.</summary>
    private const float NormalizedLimit = 2f;

    /// <summary>
    /// Landmarks in frame pixels (the Core contract) are divided by the frame size; landmarks that are already
    /// fractions of the image pass through. Null when pixels arrive before any frame told the size, or the
    /// landmark count is not the 33-point schema: such a skeleton cannot be placed. The face mesh is always in pixels.
    /// </summary>
    public static PersonMessage? From(PersonPose person, FrameSize? frame, FaceMesh? face = null)
    {
        if (person.Landmarks.Count != Skeleton.LandmarkCount)
            return null;
        var normalized = person.Landmarks.All(l => Math.Abs(l.X) <= NormalizedLimit && Math.Abs(l.Y) <= NormalizedLimit);
        if (!normalized && frame is null)
            return null;
        var (width, height) = normalized ? (1f, 1f) : (frame!.Value.Width, (float)frame.Value.Height);
        var points = new float[Skeleton.LandmarkCount * 3];
        for (var i = 0; i < Skeleton.LandmarkCount; i++)
        {
            var landmark = person.Landmarks[i];
            points[i * 3] = landmark.X / width;
            points[(i * 3) + 1] = landmark.Y / height;
            points[(i * 3) + 2] = float.IsFinite(landmark.Visibility) ? landmark.Visibility : 0f;
        }

        return new PersonMessage(person.Participant.ToString(), points, Outlines(face, frame));
    }

    private static float[][]? Outlines(FaceMesh? face, FrameSize? frame)
    {
        if (face is not { IsTrusted: true } || face.Points.Count != FaceMesh.PointCount || frame is not { } size)
            return null;
        return [.. FaceOutline.All.Select(outline =>
        {
            var xy = new float[outline.Length * 2];
            for (var k = 0; k < outline.Length; k++)
            {
                var point = face[outline[k]];
                xy[k * 2] = point.X / size.Width;
                xy[(k * 2) + 1] = point.Y / size.Height;
            }

            return xy;
        })];
    }
}
