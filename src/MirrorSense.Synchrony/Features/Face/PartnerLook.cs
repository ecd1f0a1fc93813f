using System.Numerics;

namespace MirrorSense.Synchrony.Features.Face;

/// <summary>
/// Whether a person looks towards their partner, from one camera that sees both: their facing direction (gaze, here the
/// head's, see <see cref="Gaze"/>) seen on the frame must point within <see cref="ToleranceDegrees"/> of the line from
/// their face to the partner's face, and be turned at least <see cref="MinimumTurnDegrees"/> away from the camera, since
/// a person facing the camera looks at nobody in the frame. With no depth for either face, looking at the partner's face
/// and looking past it in the same direction are one.
/// </summary>
public static class PartnerLook
{
    public const double ToleranceDegrees = 30;
    public const double MinimumTurnDegrees = 10;

    /// <summary>1 when the person looks towards the partner, 0 when not; NaN when a position is unknown.</summary>
    /// <param name="facing">The facing direction in the camera's frame (x right, y down, z away from the camera).</param>
    public static double Of(Vector3 facing, (float X, float Y) face, (float X, float Y)? partner)
    {
        if (partner is not { } other || !float.IsFinite(other.X) || !float.IsFinite(other.Y) || !float.IsFinite(face.X) || !float.IsFinite(face.Y)
            || !float.IsFinite(facing.X))
            return double.NaN;
        var sideways = Math.Sqrt(facing.X * facing.X + facing.Y * facing.Y);
        if (MeshGeometry.Degrees(Math.Atan2(sideways, -facing.Z)) < MinimumTurnDegrees)
            return 0;
        var (dx, dy) = (other.X - face.X, other.Y - face.Y);
        var distance = Math.Sqrt(dx * dx + dy * dy);
        if (distance == 0)
            return double.NaN;
        var cosine = (facing.X * dx + facing.Y * dy) / (sideways * distance);
        return cosine >= Math.Cos(ToleranceDegrees * Math.PI / 180) ? 1 : 0;
    }
}
