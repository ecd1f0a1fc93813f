using System.Numerics;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features.Face;

/// <summary>
/// The mesh as 3-D points in the camera's frame (x right, y down, z away from the camera; all in pixels), and the
/// head's own axes read off it. Every measure divides lengths by the outer-eye distance, so none depends on how far
/// the person sits from the camera.
/// </summary>
internal static class MeshGeometry
{
    // Pairs mirrored across the face's midline (the person's right, then left), all on the rigid upper face or the
    // mouth corners, which move symmetrically when a person smiles and so do not tilt the line across them.
    private static readonly (FaceMeshPoint Right, FaceMeshPoint Left)[] Pairs =
    [
        (FaceMeshPoint.RightEyeOuter, FaceMeshPoint.LeftEyeOuter),
        (FaceMeshPoint.RightEyeInner, FaceMeshPoint.LeftEyeInner),
        (FaceMeshPoint.MouthRight, FaceMeshPoint.MouthLeft),
    ];

    public static Vector3 At(FaceMesh mesh, FaceMeshPoint point)
    {
        var p = mesh[point];
        return new Vector3(p.X, p.Y, p.Z);
    }

    public static float EyeDistance(FaceMesh mesh) => Vector3.Distance(At(mesh, FaceMeshPoint.RightEyeOuter), At(mesh, FaceMeshPoint.LeftEyeOuter));

    /// <summary>
    /// The head's axes in the camera's frame: <c>Across</c> from the person's right to their left (+x for a face looking
    /// into the camera), <c>Down</c> from forehead to chin made square to it (+y upright), and <c>Facing</c> out of the
    /// face, towards what the person faces (−z when they look into the camera).
    /// </summary>
    public static (Vector3 Across, Vector3 Down, Vector3 Facing) Axes(FaceMesh mesh)
    {
        var across = Vector3.Zero;
        foreach (var (right, left) in Pairs)
            across += At(mesh, left) - At(mesh, right);
        across = Vector3.Normalize(across);
        var down = At(mesh, FaceMeshPoint.Chin) - At(mesh, FaceMeshPoint.ForeheadTop);
        down = Vector3.Normalize(down - Vector3.Dot(down, across) * across);
        return (across, down, Vector3.Cross(down, across));
    }

    public static double Degrees(double radians) => radians * 180 / Math.PI;
}
