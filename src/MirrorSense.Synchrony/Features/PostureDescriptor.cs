using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Mirroring;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// The posture descriptor of MEASURES.md §2, one value per <see cref="Schema"/> component, from a
/// normalised skeleton. Angles are in degrees, lengths in shoulder widths; a component whose landmarks
/// are missing is NaN.
/// <para>
/// Sign convention, seen from the camera: sideways angles (lean_sideways, head_roll, head_yaw,
/// shoulder_line) are positive towards the viewer's left, i.e. counter-clockwise on screen, which is
/// the person's own right when they face the camera. Left and right in component names are the
/// person's own (BlazePose's anatomical labels), so a person facing the camera has their left arm on
/// the viewer's right. A mirror image (x → −x with left and right labels swapped) therefore swaps every
/// _left component with its _right twin and flips the sign of every sideways angle, which is what the
/// schema says and what <see cref="PostureSchema.Mirror"/> applies.
/// </para>
/// </summary>
public static class PostureDescriptor
{
    public const string LeanSideways = "lean_sideways";
    public const string LeanForward = "lean_forward";
    public const string HeadRoll = "head_roll";
    public const string HeadYaw = "head_yaw";
    public const string ShoulderLine = "shoulder_line";
    public const string UpperArmElevationLeft = "upper_arm_elevation_left";
    public const string UpperArmElevationRight = "upper_arm_elevation_right";
    public const string ForearmElevationLeft = "forearm_elevation_left";
    public const string ForearmElevationRight = "forearm_elevation_right";
    public const string HandHeightLeft = "hand_height_left";
    public const string HandHeightRight = "hand_height_right";
    public const string ArmsCrossed = "arms_crossed";

    private const int LeftEye = 2, RightEye = 5, LeftEar = 7, RightEar = 8;
    private const int LeftElbow = 13, RightElbow = 14, LeftWrist = 15, RightWrist = 16;

    /// <summary>The components in the order <see cref="Describe"/> writes them, with their mirror rules.</summary>
    public static PostureSchema Schema { get; } = new(
    [
        PostureComponent.Midline(LeanSideways, flipsSign: true),
        PostureComponent.Midline(LeanForward, flipsSign: false),
        PostureComponent.Midline(HeadRoll, flipsSign: true),
        PostureComponent.Midline(HeadYaw, flipsSign: true),
        PostureComponent.Midline(ShoulderLine, flipsSign: true),
        new PostureComponent(UpperArmElevationLeft, UpperArmElevationRight, FlipsSign: false),
        new PostureComponent(UpperArmElevationRight, UpperArmElevationLeft, FlipsSign: false),
        new PostureComponent(ForearmElevationLeft, ForearmElevationRight, FlipsSign: false),
        new PostureComponent(ForearmElevationRight, ForearmElevationLeft, FlipsSign: false),
        new PostureComponent(HandHeightLeft, HandHeightRight, FlipsSign: false),
        new PostureComponent(HandHeightRight, HandHeightLeft, FlipsSign: false),
        PostureComponent.Midline(ArmsCrossed, flipsSign: false),
    ]);

    /// <summary>The descriptor of one skeleton, in <see cref="Schema"/> order.</summary>
    public static ImmutableArray<double> Describe(NormalizedPose pose)
    {
        ArgumentNullException.ThrowIfNull(pose);
        var values = new double[Schema.Count];
        Describe(pose, values);
        return ImmutableArray.Create(values);
    }

    /// <summary>Writes the descriptor into <paramref name="into"/> (at least <see cref="PostureSchema.Count"/> long), without allocating.</summary>
    public static void Describe(NormalizedPose pose, Span<double> into)
    {
        ArgumentNullException.ThrowIfNull(pose);
        if (into.Length < Schema.Count)
            throw new ArgumentException($"The descriptor has {Schema.Count} components; the target holds {into.Length}.", nameof(into));

        var leftShoulder = pose[Skeleton.LeftShoulder];
        var rightShoulder = pose[Skeleton.RightShoulder];
        var hips = Midpoint(pose[Skeleton.LeftHip], pose[Skeleton.RightHip]);
        // The mid-shoulder point is the origin, so the torso axis runs from the mid-hip point to (0, 0, 0).
        var (tx, ty, tz) = (-hips.X, -hips.Y, -hips.Z);

        into[0] = Degrees(Math.Atan2(-tx, ty));
        into[1] = Degrees(Math.Atan2(tz, Math.Sqrt(tx * tx + ty * ty)));
        into[2] = HeadRollOf(pose);
        into[3] = HeadYawOf(pose);
        into[4] = Tilt(leftShoulder, rightShoulder);
        into[5] = Elevation(leftShoulder, pose[LeftElbow]);
        into[6] = Elevation(rightShoulder, pose[RightElbow]);
        into[7] = Elevation(pose[LeftElbow], pose[LeftWrist]);
        into[8] = Elevation(pose[RightElbow], pose[RightWrist]);
        into[9] = pose[LeftWrist].Y - leftShoulder.Y;
        into[10] = pose[RightWrist].Y - rightShoulder.Y;
        into[11] = Crossed(pose);
    }

    /// <summary>The eye line's tilt; the ears stand in when an eye is hidden.</summary>
    private static double HeadRollOf(NormalizedPose pose)
    {
        var eyes = Tilt(pose[LeftEye], pose[RightEye]);
        return double.IsNaN(eyes) ? Tilt(pose[LeftEar], pose[RightEar]) : eyes;
    }

    /// <summary>
    /// Yaw proxy: the nose's offset from the ear midpoint along the ear line, against half the ear
    /// distance. For a head whose nose sits as far in front of the ear line as each ear sits from the
    /// midline, this is the turn angle; other heads give a monotonic stand-in, which is all a correlation needs.
    /// </summary>
    private static double HeadYawOf(NormalizedPose pose)
    {
        var (l, r, nose) = (pose[LeftEar], pose[RightEar], pose[Skeleton.Nose]);
        var (ax, ay) = Oriented(l.X - r.X, l.Y - r.Y);
        var half = Math.Sqrt(ax * ax + ay * ay) / 2;
        var offset = ((nose.X - (l.X + r.X) / 2) * ax + (nose.Y - (l.Y + r.Y) / 2) * ay) / (2 * half);
        return Degrees(Math.Atan2(-offset, half));
    }

    /// <summary>
    /// 1 when each wrist is past the body's midline on the other side, below its shoulder; else 0.
    /// The midline is taken across the shoulder line, so a person turned away still reads right.
    /// </summary>
    private static double Crossed(NormalizedPose pose)
    {
        var (l, r) = (pose[Skeleton.LeftShoulder], pose[Skeleton.RightShoulder]);
        var (lw, rw) = (pose[LeftWrist], pose[RightWrist]);
        if (!lw.IsPresent || !rw.IsPresent)
            return double.NaN;
        // Towards the person's left along the shoulder line; the origin lies on the midline.
        var (ux, uy) = (l.X - r.X, l.Y - r.Y);
        var leftAcross = lw.X * ux + lw.Y * uy < 0;
        var rightAcross = rw.X * ux + rw.Y * uy > 0;
        return leftAcross && rightAcross && lw.Y < l.Y && rw.Y < r.Y ? 1 : 0;
    }

    /// <summary>
    /// Tilt of the line through two points counter-clockwise on screen, in (−90°, 90°]: the line is
    /// read from its point on the viewer's left, so swapped labels give the same tilt.
    /// </summary>
    private static double Tilt(NormalizedLandmark a, NormalizedLandmark b)
    {
        var (dx, dy) = Oriented(a.X - b.X, a.Y - b.Y);
        return Degrees(Math.Atan2(dy, dx));
    }

    /// <summary>
    /// The segment's angle from hanging straight down, 0° (down) to 180° (straight up), whichever way it
    /// swings: unsigned, so the same on either side of the body and unchanged by mirroring.
    /// </summary>
    private static double Elevation(NormalizedLandmark from, NormalizedLandmark to)
    {
        var (dx, dy) = (to.X - from.X, to.Y - from.Y);
        return Degrees(Math.Atan2(Math.Abs(dx), -dy));
    }

    private static (double X, double Y) Oriented(double dx, double dy) => dx < 0 ? (-dx, -dy) : (dx, dy);

    private static NormalizedLandmark Midpoint(NormalizedLandmark a, NormalizedLandmark b) =>
        new((a.X + b.X) / 2, (a.Y + b.Y) / 2, (a.Z + b.Z) / 2, Math.Min(a.Visibility, b.Visibility));

    private static double Degrees(double radians) => radians * (180 / Math.PI);
}
