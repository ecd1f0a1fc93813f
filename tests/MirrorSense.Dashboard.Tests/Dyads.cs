using MirrorSense.Core;

namespace MirrorSense.Dashboard.Tests;

/// <summary>Two seated people facing each other in a 640×480 frame, landmarks in frame pixels like the pose stage emits.</summary>
internal static class Dyads
{
    public const int Width = 640;
    public const int Height = 480;

    // Upper-body landmark offsets from the nose, in pixels, for a person seen from the front (x right, y down).
    private static readonly (int Index, float Dx, float Dy)[] UpperBody =
    [
        (0, 0, 0), (1, -8, -10), (2, -14, -11), (3, -20, -10), (4, 8, -10), (5, 14, -11), (6, 20, -10),
        (7, -30, -2), (8, 30, -2), (9, -10, 16), (10, 10, 16),
        (11, -55, 60), (12, 55, 60), (13, -75, 140), (14, 75, 140), (15, -50, 200), (16, 50, 200),
        (17, -52, 212), (18, 52, 212), (19, -46, 214), (20, 46, 214), (21, -42, 206), (22, 42, 206),
        (23, -40, 230), (24, 40, 230),
    ];

    /// <summary>A at the left third, B at the right third; <paramref name="sway"/> shifts both heads sideways (pixels).</summary>
    public static PoseFrame Frame(double seconds, float sway = 0) => new(
        MediaTime.FromSeconds(seconds),
        [Person(Participant.A, 200 + sway, 150), Person(Participant.B, 440 - sway, 160)]);

    private static PersonPose Person(Participant who, float noseX, float noseY)
    {
        var landmarks = new PoseLandmark[Skeleton.LandmarkCount];
        for (var i = 0; i < landmarks.Length; i++)
            landmarks[i] = new PoseLandmark(noseX, Height + 50, 0, 0.05f); // legs: below the frame, not visible
        foreach (var (index, dx, dy) in UpperBody)
            landmarks[index] = new PoseLandmark(noseX + dx, noseY + dy, 0, 0.95f);
        return new PersonPose(who, landmarks);
    }
}
