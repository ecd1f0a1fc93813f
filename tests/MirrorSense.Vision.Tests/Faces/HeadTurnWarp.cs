using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests.Faces;

/// <summary>Which way a head turns: tipped forward and back (pitch, a nod) or turned to the side (yaw, a look away).</summary>
internal enum HeadTurn
{
    Pitch,
    Yaw,
}

/// <summary>
/// Turns a real face by a known angle as a head turns on the neck: tipped forward (a nod: positive pitch, the head
/// lowered) or back, or turned towards the viewer's left (positive yaw, the convention of the face features) or right.
/// The face mesh found on the photo is taken as the face's 3-D surface, turned about an axis behind it (level at the
/// height of the nose for pitch, upright through the face's middle for yaw; <see cref="PivotDepth"/> eye distances behind
/// the face's middle) and seen from the front, and the picture is warped triangle by triangle from the mesh as found to the
/// mesh as turned. Points a little way outside the face (hair, ears, neck) and the picture's corners stay where they are,
/// so the warp fades into the still surroundings instead of tearing at the face's edge.
/// </summary>
internal sealed class HeadTurnWarp
{
    /// <summary>How far behind the face's middle the head turns, in outer-eye distances: about where the neck meets the skull.</summary>
    private const float PivotDepth = 1.6f;

    private readonly Point3f[] _face;
    private readonly Point2f[] _still;
    private readonly int[][] _triangles;
    private readonly Point3f _pivot;
    private readonly HeadTurn _turn;

    public HeadTurnWarp(FaceMesh mesh, Size picture, HeadTurn turn = HeadTurn.Pitch)
    {
        _turn = turn;
        _face = [.. mesh.Points.Select(p => new Point3f(p.X, p.Y, p.Z))];
        var (right, left) = (mesh[FaceMeshPoint.RightEyeOuter], mesh[FaceMeshPoint.LeftEyeOuter]);
        var eyes = MathF.Sqrt((left.X - right.X) * (left.X - right.X) + (left.Y - right.Y) * (left.Y - right.Y));
        var centre = new Point2f(_face.Average(p => p.X), _face.Average(p => p.Y));
        var nose = mesh[FaceMeshPoint.NoseTip];
        _pivot = new Point3f(centre.X, nose.Y, _face.Average(p => p.Z) + PivotDepth * eyes);

        // A ring around the face at 1.6 times its reach, and the picture's corners and edge middles, hold still.
        var reach = _face.Max(p => MathF.Sqrt((p.X - centre.X) * (p.X - centre.X) + (p.Y - centre.Y) * (p.Y - centre.Y)));
        var ring = Enumerable.Range(0, 24).Select(k => 2 * MathF.PI * k / 24)
            .Select(a => new Point2f(centre.X + 1.6f * reach * MathF.Cos(a), centre.Y + 1.6f * reach * MathF.Sin(a)))
            .Where(p => p.X > 0 && p.Y > 0 && p.X < picture.Width - 1 && p.Y < picture.Height - 1);
        var (w, h) = (picture.Width - 1f, picture.Height - 1f);
        Point2f[] frame = [new(0, 0), new(w / 2, 0), new(w, 0), new(w, h / 2), new(w, h), new(w / 2, h), new(0, h), new(0, h / 2)];
        _still = [.. ring, .. frame];

        var source = Source();
        using var subdivision = new Subdiv2D(new Rect(-1, -1, picture.Width + 2, picture.Height + 2));
        var index = new Dictionary<(float, float), int>();
        for (var i = 0; i < source.Length; i++)
        {
            if (index.TryAdd((source[i].X, source[i].Y), i))
                subdivision.Insert(source[i]);
        }

        _triangles = [.. subdivision.GetTriangleList()
            .Select(t => new[] { new Point2f(t.Item0, t.Item1), new Point2f(t.Item2, t.Item3), new Point2f(t.Item4, t.Item5) })
            .Where(t => t.All(p => index.ContainsKey((p.X, p.Y))))
            .Select(t => t.Select(p => index[(p.X, p.Y)]).ToArray())];
    }

    /// <summary>The picture with the face tipped forward or turned to the viewer's left by <paramref name="degrees"/> (negative: back, right).</summary>
    public Mat Apply(Mat image, double degrees)
    {
        var (source, target) = (Source(), Target(degrees));
        var (rows, cols) = (image.Rows, image.Cols);
        var (mapX, mapY) = (new float[rows * cols], new float[rows * cols]);
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < cols; x++)
                (mapX[y * cols + x], mapY[y * cols + x]) = (x, y);
        }

        // Each pixel of a turned triangle is read from the same place of the triangle as found (backward mapping).
        foreach (var t in _triangles)
        {
            var (a, b, c) = (target[t[0]], target[t[1]], target[t[2]]);
            var area = (b.X - a.X) * (c.Y - a.Y) - (c.X - a.X) * (b.Y - a.Y);
            if (MathF.Abs(area) < 1e-3f)
                continue;
            var (x0, x1) = ((int)MathF.Floor(MathF.Min(a.X, MathF.Min(b.X, c.X))), (int)MathF.Ceiling(MathF.Max(a.X, MathF.Max(b.X, c.X))));
            var (y0, y1) = ((int)MathF.Floor(MathF.Min(a.Y, MathF.Min(b.Y, c.Y))), (int)MathF.Ceiling(MathF.Max(a.Y, MathF.Max(b.Y, c.Y))));
            for (var y = Math.Max(0, y0); y <= Math.Min(rows - 1, y1); y++)
            {
                for (var x = Math.Max(0, x0); x <= Math.Min(cols - 1, x1); x++)
                {
                    var u = ((b.X - x) * (c.Y - y) - (c.X - x) * (b.Y - y)) / area;
                    var v = ((c.X - x) * (a.Y - y) - (a.X - x) * (c.Y - y)) / area;
                    var wgt = 1 - u - v;
                    if (u < -1e-4f || v < -1e-4f || wgt < -1e-4f)
                        continue;
                    var (p, q, r) = (source[t[0]], source[t[1]], source[t[2]]);
                    (mapX[y * cols + x], mapY[y * cols + x]) = (u * p.X + v * q.X + wgt * r.X, u * p.Y + v * q.Y + wgt * r.Y);
                }
            }
        }

        return BackwardMap.Remap(image, mapX, mapY);
    }

    private Point2f[] Source() => [.. _face.Select(p => new Point2f(p.X, p.Y)), .. _still];

    /// <summary>Each face point turned about the pivot's axis and seen from the front; the still points as they are.</summary>
    private Point2f[] Target(double degrees)
    {
        var (sin, cos) = ((float)Math.Sin(degrees * Math.PI / 180), (float)Math.Cos(degrees * Math.PI / 180));
        // y grows downwards, x rightwards and z away from the camera: tipping forward brings the forehead nearer and the
        // nose down; turning to the viewer's left moves the nose (nearer than the pivot) left.
        return [.. _face.Select(p => _turn == HeadTurn.Pitch
            ? new Point2f(p.X, _pivot.Y + (p.Y - _pivot.Y) * cos - (p.Z - _pivot.Z) * sin)
            : new Point2f(_pivot.X + (p.X - _pivot.X) * cos + (p.Z - _pivot.Z) * sin, p.Y)), .. _still];
    }
}
