namespace MirrorSense.Core;

/// <summary>
/// The 33-point body schema of MediaPipe BlazePose: landmark names in model output order and the
/// left/right mirror map (mirroring a pose swaps each left landmark with its right twin).
/// </summary>
public static class Skeleton
{
    public const int LandmarkCount = 33;

    public const int Nose = 0;
    public const int LeftShoulder = 11;
    public const int RightShoulder = 12;
    public const int LeftHip = 23;
    public const int RightHip = 24;

    public static IReadOnlyList<string> Names { get; } =
    [
        "nose",
        "left_eye_inner", "left_eye", "left_eye_outer",
        "right_eye_inner", "right_eye", "right_eye_outer",
        "left_ear", "right_ear",
        "mouth_left", "mouth_right",
        "left_shoulder", "right_shoulder",
        "left_elbow", "right_elbow",
        "left_wrist", "right_wrist",
        "left_pinky", "right_pinky",
        "left_index", "right_index",
        "left_thumb", "right_thumb",
        "left_hip", "right_hip",
        "left_knee", "right_knee",
        "left_ankle", "right_ankle",
        "left_heel", "right_heel",
        "left_foot_index", "right_foot_index",
    ];

    /// <summary>For each landmark, the index of its mirror image (itself for the nose).</summary>
    public static IReadOnlyList<int> MirrorOf { get; } = BuildMirror();

    /// <summary>The bones drawn in overlays, as pairs of landmark indices.</summary>
    public static IReadOnlyList<(int From, int To)> Bones { get; } =
    [
        (0, 1), (1, 2), (2, 3), (3, 7), (0, 4), (4, 5), (5, 6), (6, 8), (9, 10),
        (11, 12), (11, 13), (13, 15), (15, 17), (15, 19), (15, 21), (17, 19),
        (12, 14), (14, 16), (16, 18), (16, 20), (16, 22), (18, 20),
        (11, 23), (12, 24), (23, 24),
        (23, 25), (25, 27), (27, 29), (29, 31), (27, 31),
        (24, 26), (26, 28), (28, 30), (30, 32), (28, 32),
    ];

    public static int IndexOf(string name)
    {
        for (var i = 0; i < LandmarkCount; i++)
        {
            if (Names[i] == name)
                return i;
        }

        throw new ArgumentException($"'{name}' is not a landmark of the 33-point pose schema.", nameof(name));
    }

    private static int[] BuildMirror()
    {
        var mirror = new int[LandmarkCount];
        for (var i = 0; i < LandmarkCount; i++)
        {
            var name = Names[i];
            var twin = name.StartsWith("left_", StringComparison.Ordinal) ? "right_" + name[5..]
                : name.StartsWith("right_", StringComparison.Ordinal) ? "left_" + name[6..]
                : name.EndsWith("_left", StringComparison.Ordinal) ? name[..^5] + "_right"
                : name.EndsWith("_right", StringComparison.Ordinal) ? name[..^6] + "_left"
                : name;
            mirror[i] = Array.IndexOf([.. Names], twin);
        }

        return mirror;
    }
}
