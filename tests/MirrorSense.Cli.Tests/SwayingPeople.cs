using MirrorSense.Core;
using MirrorSense.Sessions.Pose;

namespace MirrorSense.Cli.Tests;

/// <summary>Pose tables of two people standing side by side, swaying a little: re-analysis inputs that need no pose stage.</summary>
internal static class SwayingPeople
{
    /// <summary>
    /// <paramref name="seconds"/> of A (left, at x = 200) and B (right, at x = 440) at 30 frames a second; each tilts
    /// sideways by its own constant number of pixels at the top of the head (<paramref name="tiltA"/>, <paramref name="tiltB"/>).
    /// </summary>
    public static void Write(string path, double seconds, double tiltA = 0, double tiltB = 0)
    {
        using var table = new PoseCsvWriter(new StreamWriter(path));
        for (var i = 0; i < seconds * 30; i++)
            table.Write(new PoseFrame(MediaTime.FromSeconds(i / 30.0), [Standing(Participant.A, 200, i / 30.0, tiltA), Standing(Participant.B, 440, i / 30.0 + 1, tiltB)]));
    }

    /// <summary>A person standing with their arms down, swaying a little from side to side, in pixels.</summary>
    private static PersonPose Standing(Participant who, double x, double t, double tilt)
    {
        var sway = tilt + 8 * Math.Sin(2 * Math.PI * t / 7);
        (double X, double Y) At(int landmark) => landmark switch
        {
            0 => (0, 100),
            <= 10 => ((landmark % 2 == 0 ? 1 : -1) * (5 + landmark), 90 + landmark),
            11 or 12 => (landmark == 11 ? 40 : -40, 160),
            13 or 14 => (landmark == 13 ? 45 : -45, 230),
            <= 22 => (landmark % 2 == 1 ? 48 : -48, 290),
            23 or 24 => (landmark == 23 ? 25 : -25, 320),
            25 or 26 => (landmark == 25 ? 25 : -25, 420),
            _ => (landmark % 2 == 1 ? 25 : -25, 500),
        };
        return new PersonPose(who, [.. Enumerable.Range(0, Skeleton.LandmarkCount).Select(i => At(i) is var p
            ? new PoseLandmark((float)(x + p.X + sway * (1 - p.Y / 500)), (float)p.Y, 0, 0.99f)
            : default)]);
    }
}
