namespace MirrorSense.Synchrony.Features.Face;

/// <summary>
/// Where the eyes point, in degrees, head pose included; signs as <see cref="HeadPose"/>. The 468-point mesh has no
/// iris points (that needs the attention model, whose custom operators are not converted), so this is the documented
/// fallback: the head's orientation alone. Eyes that turn within a still head are not seen.
/// </summary>
public readonly record struct Gaze(double Yaw, double Pitch)
{
    public static Gaze FromHead(HeadPose head) => new(head.Yaw, head.Pitch);
}
