using System.Globalization;
using System.Text;
using MirrorSense.Core;

namespace MirrorSense.Testing;

/// <summary>
/// Writes pose frames as OpenPose's <c>--write_json</c> does (its doc/02_output.md): one
/// <c>NAME_000000000000_keypoints.json</c> per frame, a <c>people</c> array whose <c>pose_keypoints_2d</c> holds
/// x, y, confidence in pixels per keypoint of BODY_25 or COCO-18. Written from the keypoint lists of OpenPose's
/// documentation, not from the reader's mapping, so a wrong mapping in the reader shows. A landmark BlazePose judged
/// not visible (below 0.5) is written as OpenPose writes a keypoint it did not find, 0, 0, 0; Neck and MidHip are the
/// midpoints of the shoulders and hips; small toes are never found; everything else OpenPose lacks is simply absent.
/// </summary>
public static class OpenPoseJsonWriter
{
    /// <summary>BODY_25's keypoints in file order, by our landmark names; "neck" and "mid_hip" are midpoints, null never found.</summary>
    public static IReadOnlyList<string?> Body25 { get; } =
    [
        "nose", "neck", "right_shoulder", "right_elbow", "right_wrist", "left_shoulder", "left_elbow", "left_wrist",
        "mid_hip", "right_hip", "right_knee", "right_ankle", "left_hip", "left_knee", "left_ankle",
        "right_eye", "left_eye", "right_ear", "left_ear",
        "left_foot_index", null, "left_heel", "right_foot_index", null, "right_heel",
    ];

    /// <summary>COCO-18's keypoints in file order.</summary>
    public static IReadOnlyList<string?> Coco18 { get; } =
    [
        "nose", "neck", "right_shoulder", "right_elbow", "right_wrist", "left_shoulder", "left_elbow", "left_wrist",
        "right_hip", "right_knee", "right_ankle", "left_hip", "left_knee", "left_ankle",
        "right_eye", "left_eye", "right_ear", "left_ear",
    ];

    /// <summary>
    /// One file per frame in <paramref name="folder"/>, frame number = time × fps; the people of each frame in an order
    /// shuffled by <paramref name="seed"/>, as OpenPose keeps no identities.
    /// </summary>
    public static void Write(string folder, IEnumerable<PoseFrame> frames, double framesPerSecond, IReadOnlyList<string?> keypoints, int seed = 1)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        foreach (var frame in frames)
        {
            var number = (long)Math.Round(frame.Time.Seconds * framesPerSecond);
            var people = frame.People.OrderBy(_ => random.Next()).Select(person => Person(person, keypoints));
            var text = $"{{\"version\":1.3,\"people\":[{string.Join(",", people)}]}}";
            File.WriteAllText(Path.Combine(folder, $"session_{number:D12}_keypoints.json"), text);
        }
    }

    private static string Person(PersonPose person, IReadOnlyList<string?> keypoints)
    {
        var values = new StringBuilder();
        foreach (var name in keypoints)
        {
            var (x, y, c) = name switch
            {
                null => (0f, 0f, 0f),
                "neck" => Midpoint(person, "left_shoulder", "right_shoulder"),
                "mid_hip" => Midpoint(person, "left_hip", "right_hip"),
                _ => Point(person[Skeleton.IndexOf(name)]),
            };
            if (values.Length > 0)
                values.Append(',');
            values.Append(CultureInfo.InvariantCulture, $"{x:0.###},{y:0.###},{c:0.######}");
        }

        return $"{{\"person_id\":[-1],\"pose_keypoints_2d\":[{values}],\"face_keypoints_2d\":[],\"hand_left_keypoints_2d\":[],\"hand_right_keypoints_2d\":[],\"pose_keypoints_3d\":[],\"face_keypoints_3d\":[],\"hand_left_keypoints_3d\":[],\"hand_right_keypoints_3d\":[]}}";
    }

    private static (float X, float Y, float C) Point(PoseLandmark l) => l.Visibility >= 0.5f ? (l.X, l.Y, l.Visibility) : (0f, 0f, 0f);

    private static (float X, float Y, float C) Midpoint(PersonPose person, string a, string b)
    {
        var (p, q) = (Point(person[Skeleton.IndexOf(a)]), Point(person[Skeleton.IndexOf(b)]));
        return p.C > 0 && q.C > 0 ? ((p.X + q.X) / 2, (p.Y + q.Y) / 2, Math.Min(p.C, q.C)) : (0f, 0f, 0f);
    }
}
