using MirrorSense.Core;

namespace MirrorSense.Synchrony.Tests.Features;

/// <summary>
/// A seated person facing the camera, in body space: centimetres, origin at the mid-hip point, x to
/// the viewer's right, y up, z towards the camera. Facing the camera, the person's own left side is on
/// the viewer's right (positive x). <see cref="ToPose"/> films it: pixels, y down, z smaller when nearer.
/// </summary>
public sealed class SyntheticBody
{
    private readonly (double X, double Y, double Z)[] _points;
    private readonly double[] _visibility;

    private SyntheticBody((double X, double Y, double Z)[] points, double[] visibility)
    {
        _points = points;
        _visibility = visibility;
    }

    public const double ShoulderWidth = 38;

    public static SyntheticBody Upright()
    {
        var p = new (double X, double Y, double Z)[Skeleton.LandmarkCount];
        void Pair(string name, double x, double y, double z)
        {
            p[Skeleton.IndexOf("left_" + name)] = (x, y, z);
            p[Skeleton.IndexOf("right_" + name)] = (-x, y, z);
        }

        p[Skeleton.Nose] = (0, 75, 10);
        Pair("eye_inner", 1.5, 78, 8);
        Pair("eye", 3, 78, 7.5);
        Pair("eye_outer", 4.5, 78, 7);
        Pair("ear", 7.5, 76, 0);
        p[Skeleton.IndexOf("mouth_left")] = (2.5, 70, 8);
        p[Skeleton.IndexOf("mouth_right")] = (-2.5, 70, 8);
        Pair("shoulder", ShoulderWidth / 2, 50, 0);
        Pair("elbow", 21, 22, 0);
        Pair("wrist", 21, -4, 4);
        Pair("pinky", 21, -12, 4);
        Pair("index", 20, -13, 5);
        Pair("thumb", 18, -10, 6);
        Pair("hip", 10, 0, 0);
        Pair("knee", 10, 0, 45);
        Pair("ankle", 10, -45, 45);
        Pair("heel", 10, -50, 42);
        Pair("foot_index", 10, -52, 55);
        return new SyntheticBody(p, [.. Enumerable.Repeat(0.99, Skeleton.LandmarkCount)]);
    }

    public (double X, double Y, double Z) this[int landmark] => _points[landmark];

    /// <summary>The body with one landmark moved (body space).</summary>
    public SyntheticBody With(int landmark, double x, double y, double z)
    {
        var points = (((double X, double Y, double Z)[])_points.Clone());
        points[landmark] = (x, y, z);
        return new SyntheticBody(points, _visibility);
    }

    public SyntheticBody WithVisibility(int landmark, double visibility)
    {
        var visibility2 = (double[])_visibility.Clone();
        visibility2[landmark] = visibility;
        return new SyntheticBody(_points, visibility2);
    }

    /// <summary>Every landmark shifted by a random offset of up to <paramref name="cm"/> per axis: an asymmetric posture.</summary>
    public SyntheticBody Jitter(Random random, double cm) =>
        new([.. _points.Select(p => (p.X + cm * (2 * random.NextDouble() - 1), p.Y + cm * (2 * random.NextDouble() - 1), p.Z + cm * (2 * random.NextDouble() - 1)))], _visibility);

    /// <summary>Upper body (head, shoulders, arms) turned counter-clockwise on screen about the mid-hip point.</summary>
    public SyntheticBody LeanSideways(double degrees) => Transform(IsUpperBody, p => RotateXy(p, (0, 0), degrees));

    /// <summary>Upper body tipped towards the camera about the mid-hip point.</summary>
    public SyntheticBody LeanForward(double degrees)
    {
        var (c, s) = (Math.Cos(degrees * Math.PI / 180), Math.Sin(degrees * Math.PI / 180));
        return Transform(IsUpperBody, p => (p.X, p.Y * c - p.Z * s, p.Y * s + p.Z * c));
    }

    /// <summary>The head (landmarks 0–10) rolled counter-clockwise on screen about the ear midpoint.</summary>
    public SyntheticBody RollHead(double degrees)
    {
        var (l, r) = (_points[7], _points[8]);
        var centre = ((l.X + r.X) / 2, (l.Y + r.Y) / 2);
        return Transform(i => i <= 10, p => RotateXy(p, centre, degrees));
    }

    /// <summary>The head turned about the vertical through the ear midpoint; positive brings the nose to the viewer's left.</summary>
    public SyntheticBody TurnHead(double degrees)
    {
        var (l, r) = (_points[7], _points[8]);
        var (cx, cz) = ((l.X + r.X) / 2, (l.Z + r.Z) / 2);
        var (c, s) = (Math.Cos(degrees * Math.PI / 180), Math.Sin(degrees * Math.PI / 180));
        // Seen from above with z towards the camera, turning the nose (+z) towards −x.
        return Transform(i => i <= 10, p => (cx + (p.X - cx) * c - (p.Z - cz) * s, p.Y, cz + (p.X - cx) * s + (p.Z - cz) * c));
    }

    /// <summary>Head landmarks (0–10) moved by an offset.</summary>
    public SyntheticBody MoveHead(double dx, double dy) => Transform(i => i <= 10, p => (p.X + dx, p.Y + dy, p.Z));

    /// <summary>Every landmark moved by an offset.</summary>
    public SyntheticBody Move(double dx, double dy) => Transform(_ => true, p => (p.X + dx, p.Y + dy, p.Z));

    /// <summary>
    /// The person filmed: body point (x, y, z) lands on pixel (cx + scale·x, cy − scale·y) with depth
    /// −scale·z (BlazePose's z shrinks towards the camera).
    /// </summary>
    public PersonPose ToPose(Participant participant = Participant.A, double scale = 4, double cx = 320, double cy = 400) =>
        new(participant, [.. _points.Select((p, i) => new PoseLandmark((float)(cx + scale * p.X), (float)(cy - scale * p.Y), (float)(-scale * p.Z), (float)_visibility[i]))]);

    /// <summary>The geometric mirror image of a filmed pose: x → 2·axis − x, each landmark taking its left/right twin's place.</summary>
    public static PersonPose Mirror(PersonPose pose, double axis = 320) =>
        new(pose.Participant, [.. Enumerable.Range(0, Skeleton.LandmarkCount).Select(i =>
        {
            var twin = pose[Skeleton.MirrorOf[i]];
            return twin with { X = (float)(2 * axis - twin.X) };
        })]);

    private static bool IsUpperBody(int landmark) => landmark <= 22;

    private SyntheticBody Transform(Func<int, bool> which, Func<(double X, double Y, double Z), (double X, double Y, double Z)> f) =>
        new([.. _points.Select((p, i) => which(i) ? f(p) : p)], _visibility);

    private static (double X, double Y, double Z) RotateXy((double X, double Y, double Z) p, (double X, double Y) centre, double degrees)
    {
        var (c, s) = (Math.Cos(degrees * Math.PI / 180), Math.Sin(degrees * Math.PI / 180));
        var (x, y) = (p.X - centre.X, p.Y - centre.Y);
        return (centre.X + x * c - y * s, centre.Y + x * s + y * c, p.Z);
    }
}
