using MirrorSense.Core;

namespace MirrorSense.Vision.Tracking;

/// <summary>
/// Skipped face frames placed between measured ones. A person in the skipped frame whose face was found in both
/// measured frames around it gets the mesh on the straight line between the two; one whose face was missing on
/// either side stays without a face there (counted as not found, never invented). People not in the skipped frame
/// stay out of it.
/// </summary>
public sealed class FaceInterpolation : SkippedFrameInterpolation<FaceFrame>
{
    protected override bool IsMeasured(FaceFrame frame) => frame.Measured;

    protected override FaceFrame Between(FaceFrame first, FaceFrame second, FaceFrame skippedFrame)
    {
        var w = Fraction(first.Time, second.Time, skippedFrame.Time);
        var faces = new List<PersonFace>(skippedFrame.Faces.Count);
        foreach (var carried in skippedFrame.Faces)
        {
            if (first.Of(carried.Participant) is { Mesh: { } from } a && second.Of(carried.Participant) is { Mesh: { } to } b)
                faces.Add(new PersonFace(carried.Participant, Between(from, to, w, skippedFrame.Time), Lerp(a.X, b.X, w), Lerp(a.Y, b.Y, w)));
            else
                faces.Add(carried with { Mesh = null });
        }

        return new FaceFrame(skippedFrame.Time, faces) { Measured = false };
    }

    private static FaceMesh Between(FaceMesh from, FaceMesh to, float w, MediaTime time)
    {
        var points = new FacePoint[from.Points.Count];
        for (var i = 0; i < points.Length; i++)
        {
            var (a, b) = (from.Points[i], to.Points[i]);
            points[i] = new FacePoint(Lerp(a.X, b.X, w), Lerp(a.Y, b.Y, w), Lerp(a.Z, b.Z, w));
        }

        return new FaceMesh(time, Lerp(from.Score, to.Score, w), points);
    }
}
