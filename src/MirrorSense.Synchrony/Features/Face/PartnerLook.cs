namespace MirrorSense.Synchrony.Features.Face;

/// <summary>
/// Whether a person looks towards their partner, from one camera that sees both: their gaze (here the head's, see
/// <see cref="Gaze"/>) must be turned at least <see cref="MinimumTurnDegrees"/> towards the partner's side of the frame,
/// since a person facing the camera looks at nobody in it, and its pitch must lie within <see cref="ToleranceDegrees"/>
/// of the partner's face's elevation as the frame shows it (the angle of the line between the faces above level, true
/// for two people at about the same distance from the camera). With no depth for either face, how far the head must
/// turn to meet the partner's eyes is unknown, so any turn past the minimum towards them counts.
/// </summary>
public static class PartnerLook
{
    public const double ToleranceDegrees = 30;
    public const double MinimumTurnDegrees = 10;

    /// <summary>1 when the person looks towards the partner, 0 when not; NaN when a position is unknown or the faces coincide.</summary>
    /// <param name="face">The person's face in the frame (pixels, y down).</param>
    /// <param name="partner">The partner's face in the frame, null when the partner is not in view.</param>
    public static double Of(Gaze gaze, (float X, float Y) face, (float X, float Y)? partner)
    {
        if (partner is not { } other || !float.IsFinite(other.X) || !float.IsFinite(other.Y) || !float.IsFinite(face.X) || !float.IsFinite(face.Y)
            || !double.IsFinite(gaze.Yaw) || !double.IsFinite(gaze.Pitch))
            return double.NaN;
        var (dx, dy) = (other.X - face.X, other.Y - face.Y);
        if (dx == 0 && dy == 0)
            return double.NaN;
        // Positive yaw faces the viewer's left, where x is smaller.
        var turnedTowards = -Math.Sign(gaze.Yaw) == Math.Sign(dx) && Math.Abs(gaze.Yaw) >= MinimumTurnDegrees;
        var elevation = Math.Atan2(-dy, Math.Abs(dx)) * 180 / Math.PI;
        return turnedTowards && Math.Abs(gaze.Pitch - elevation) <= ToleranceDegrees ? 1 : 0;
    }
}
