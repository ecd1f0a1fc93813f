using System.Numerics;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features.Face;

/// <summary>
/// What a smile does to the mouth (AU12, the lip-corner puller), in outer-eye distances: <paramref name="Spread"/> is the
/// distance between the mouth corners, <paramref name="Lift"/> how far the corners sit above the middle of the lips along
/// the head's own up (so a rolled or nodding head does not fake a lift). Both grow with a smile; opening the mouth moves
/// the lip middle's upper and lower edges apart but not their middle, so speech changes neither much.
/// </summary>
public readonly record struct MouthShape(double Spread, double Lift)
{
    /// <summary>One number that grows with a smile: spread plus lift, in outer-eye distances.</summary>
    public double SmileExtent => Spread + Lift;

    public static MouthShape Of(FaceMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var eyes = MeshGeometry.EyeDistance(mesh);
        var (right, left) = (MeshGeometry.At(mesh, FaceMeshPoint.MouthRight), MeshGeometry.At(mesh, FaceMeshPoint.MouthLeft));
        var lips = (MeshGeometry.At(mesh, FaceMeshPoint.UpperLipInner) + MeshGeometry.At(mesh, FaceMeshPoint.LowerLipInner)) / 2;
        var (_, down, _) = MeshGeometry.Axes(mesh);
        return new MouthShape(Vector3.Distance(right, left) / eyes, Vector3.Dot(lips - (right + left) / 2, down) / eyes);
    }
}
