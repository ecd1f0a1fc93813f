using System.Numerics;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Tests.Features.Face;

/// <summary>
/// A face mesh made of numbers: the named points of a symmetric face looking into the camera (outer eye corners 90 px
/// apart, forehead–chin line square to the camera), turned by known angles about the head's centre and set at (320, 240).
/// The points the features do not read sit at the centre.
/// </summary>
internal static class ConstructedMesh
{
    private static readonly Dictionary<FaceMeshPoint, Vector3> Face = new()
    {
        [FaceMeshPoint.RightEyeOuter] = new(-45, -20, 10),
        [FaceMeshPoint.LeftEyeOuter] = new(45, -20, 10),
        [FaceMeshPoint.RightEyeInner] = new(-15, -20, 10),
        [FaceMeshPoint.LeftEyeInner] = new(15, -20, 10),
        [FaceMeshPoint.RightEyeUpperLid] = new(-30, -25, 3),
        [FaceMeshPoint.RightEyeLowerLid] = new(-30, -15, 3),
        [FaceMeshPoint.LeftEyeUpperLid] = new(30, -25, 3),
        [FaceMeshPoint.LeftEyeLowerLid] = new(30, -15, 3),
        [FaceMeshPoint.MouthRight] = new(-25, 40, 5),
        [FaceMeshPoint.MouthLeft] = new(25, 40, 5),
        [FaceMeshPoint.UpperLipInner] = new(0, 38, 0),
        [FaceMeshPoint.LowerLipInner] = new(0, 42, 0),
        [FaceMeshPoint.ForeheadTop] = new(0, -80, 10),
        [FaceMeshPoint.Chin] = new(0, 90, 10),
        [FaceMeshPoint.NoseTip] = new(0, 10, -30),
    };

    /// <summary>
    /// The face turned by <paramref name="yaw"/> (towards the viewer's left), <paramref name="pitch"/> (up) and
    /// <paramref name="roll"/> (counter-clockwise on screen), in degrees; each mouth corner pulled
    /// <paramref name="cornerPull"/> px outward and up; the lids closed down to <paramref name="lidGap"/> px.
    /// </summary>
    public static FaceMesh Turned(double yaw = 0, double pitch = 0, double roll = 0, float cornerPull = 0, float lidGap = 10, float score = 1, double seconds = 0)
    {
        static float Radians(double degrees) => (float)(degrees * Math.PI / 180);
        // Camera frame: x right, y down, z away; System.Numerics turns row vectors, so each angle is signed to move the facing direction (0, 0, −1) the named way.
        var turn = Matrix4x4.CreateRotationX(Radians(-pitch)) * Matrix4x4.CreateRotationY(Radians(yaw)) * Matrix4x4.CreateRotationZ(Radians(-roll));
        var points = Enumerable.Repeat(new FacePoint(320, 240, 0), FaceMesh.PointCount).ToArray();
        foreach (var (index, at) in Face)
        {
            var p = at;
            if (index == FaceMeshPoint.MouthRight)
                p += new Vector3(-cornerPull, -cornerPull, 0);
            if (index == FaceMeshPoint.MouthLeft)
                p += new Vector3(cornerPull, -cornerPull, 0);
            if (index is FaceMeshPoint.RightEyeUpperLid or FaceMeshPoint.LeftEyeUpperLid)
                p.Y = -20 - lidGap / 2;
            if (index is FaceMeshPoint.RightEyeLowerLid or FaceMeshPoint.LeftEyeLowerLid)
                p.Y = -20 + lidGap / 2;
            var q = Vector3.Transform(p, turn);
            points[(int)index] = new FacePoint(320 + q.X, 240 + q.Y, q.Z);
        }

        return new FaceMesh(MediaTime.FromSeconds(seconds), score, points);
    }

    /// <summary>The mesh seen in a mirror: x flipped about the frame's middle and the person's left and right swapped.</summary>
    public static FaceMesh Mirrored(FaceMesh mesh)
    {
        var pairs = new[]
        {
            (FaceMeshPoint.RightEyeOuter, FaceMeshPoint.LeftEyeOuter), (FaceMeshPoint.RightEyeInner, FaceMeshPoint.LeftEyeInner),
            (FaceMeshPoint.RightEyeUpperLid, FaceMeshPoint.LeftEyeUpperLid), (FaceMeshPoint.RightEyeLowerLid, FaceMeshPoint.LeftEyeLowerLid),
            (FaceMeshPoint.MouthRight, FaceMeshPoint.MouthLeft),
        };
        var points = mesh.Points.Select(p => p with { X = 640 - p.X }).ToArray();
        foreach (var (right, left) in pairs)
            (points[(int)right], points[(int)left]) = (points[(int)left], points[(int)right]);
        return mesh with { Points = points };
    }
}
