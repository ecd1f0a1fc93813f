using System.Numerics;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features.Face;

/// <summary>
/// How open the eyes are: the gap between the upper and lower lid at the middle of each eye over that eye's width
/// (corner to corner), averaged over both eyes. About 0.25–0.35 for open eyes, under 0.1 for closed ones; a ratio of two
/// lengths on the same face, so distance from the camera does not change it.
/// </summary>
public static class EyeOpenness
{
    public static double Of(FaceMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        return (Eye(mesh, FaceMeshPoint.RightEyeUpperLid, FaceMeshPoint.RightEyeLowerLid, FaceMeshPoint.RightEyeOuter, FaceMeshPoint.RightEyeInner)
            + Eye(mesh, FaceMeshPoint.LeftEyeUpperLid, FaceMeshPoint.LeftEyeLowerLid, FaceMeshPoint.LeftEyeOuter, FaceMeshPoint.LeftEyeInner)) / 2;
    }

    private static double Eye(FaceMesh mesh, FaceMeshPoint upper, FaceMeshPoint lower, FaceMeshPoint outer, FaceMeshPoint inner) =>
        Vector3.Distance(MeshGeometry.At(mesh, upper), MeshGeometry.At(mesh, lower)) / Vector3.Distance(MeshGeometry.At(mesh, outer), MeshGeometry.At(mesh, inner));
}
