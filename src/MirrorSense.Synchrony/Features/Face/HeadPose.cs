using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features.Face;

/// <summary>
/// Where the head points, in degrees, from the face mesh's own 3-D axes (the line across the eyes and mouth corners and
/// the forehead–chin line; MediaPipe's mesh depth is on the pixel scale of x and y). Signs follow the body's posture
/// descriptor, seen from the camera: <paramref name="Yaw"/> and <paramref name="Roll"/> are positive towards the viewer's
/// left (a turn to the person's own right; the eye line turning counter-clockwise on screen), <paramref name="Pitch"/>
/// is positive looking up. Yaw and roll are 0 for a face looking straight into the camera, by the mesh's symmetry;
/// pitch is 0 for a face <see cref="UprightPitch"/> below the forehead–chin line being square to the camera, which is
/// where upright heads looking at the camera come out on average. Single faces differ from it by up to about 13°, a
/// constant per person that nods and coordination never see. A mirror image flips the signs of yaw and roll and keeps pitch.
/// </summary>
public readonly record struct HeadPose(double Pitch, double Yaw, double Roll)
{
    /// <summary>
    /// The mesh's forehead sits in front of its chin, so an upright face's forehead–chin line leans back. Measured: the
    /// median over the 10 faces the mesh trusts in face-api's six demo photos (people looking about into the camera) is 18° facing
    /// down by that line (range 5–31°); it is added back so such faces read about 0.
    /// </summary>
    public const double UprightPitch = 18;

    public static HeadPose Of(FaceMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var (across, _, facing) = MeshGeometry.Axes(mesh);
        // Roll is taken as the last turn, about the camera's axis: undoing it first leaves a facing direction whose yaw and
        // pitch do not change when the whole picture turns (a head tilted sideways is not also turned or nodding).
        var tilt = Math.Atan2(across.Y, across.X);
        var (cos, sin) = (Math.Cos(tilt), Math.Sin(tilt));
        var (x, y, z) = (facing.X * cos + facing.Y * sin, -facing.X * sin + facing.Y * cos, (double)facing.Z);
        return new HeadPose(
            MeshGeometry.Degrees(Math.Atan2(-y, Math.Sqrt(x * x + z * z))) + UprightPitch,
            MeshGeometry.Degrees(Math.Atan2(-x, -z)),
            MeshGeometry.Degrees(-tilt));
    }
}
