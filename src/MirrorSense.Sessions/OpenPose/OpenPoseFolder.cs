using System.Globalization;
using System.Text.Json;
using MirrorSense.Core;
using MirrorSense.Sessions.Readers;

namespace MirrorSense.Sessions.OpenPose;

/// <summary>
/// A folder of OpenPose <c>--write_json</c> output: one <c>*_keypoints.json</c> per frame, each an object whose
/// <c>people</c> array holds one object per person with <c>pose_keypoints_2d</c> = x, y, confidence per keypoint, in
/// pixels (OpenPose's default <c>--keypoint_scale 0</c>). Frames go in the order of the frame number OpenPose puts in
/// each name (<c>video_000000000012_keypoints.json</c> is frame 12, at 12 / fps s), never in the listing's order.
/// Files are read one at a time as the frames are enumerated, so a session's keypoints are never all in memory.
/// </summary>
public sealed class OpenPoseFolder
{
    public const string FileSuffix = "_keypoints.json";

    private readonly IReadOnlyList<(long Number, string Path)> files;
    private readonly double framesPerSecond;

    private OpenPoseFolder(IReadOnlyList<(long Number, string Path)> files, double framesPerSecond)
    {
        this.files = files;
        this.framesPerSecond = framesPerSecond;
    }

    /// <summary>How many frame files the folder holds.</summary>
    public int FrameCount => files.Count;

    /// <summary>Lists the folder's frame files and orders them by frame number; no file is read yet.</summary>
    /// <exception cref="SeriesFormatException">No such folder, no <c>*_keypoints.json</c> in it, a name without a frame number, or one frame number twice.</exception>
    public static OpenPoseFolder Open(string folder, double framesPerSecond)
    {
        if (!(framesPerSecond > 0) || double.IsInfinity(framesPerSecond))
            throw new ArgumentOutOfRangeException(nameof(framesPerSecond), framesPerSecond, "The frame rate must be a positive number of frames per second.");
        if (!Directory.Exists(folder))
            throw new SeriesFormatException(folder, null, null, "expected a folder of OpenPose keypoint files (*_keypoints.json) but there is no such folder");
        var numbered = new SortedDictionary<long, string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*" + FileSuffix))
        {
            var number = FrameNumber(path);
            if (numbered.TryGetValue(number, out var other))
                throw new SeriesFormatException(path, null, null, $"expected one file per frame but frame {number} is also in '{Path.GetFileName(other)}' (the keypoints of two videos in one folder?)");
            numbered[number] = path;
        }

        if (numbered.Count == 0)
            throw new SeriesFormatException(folder, null, null, $"expected OpenPose keypoint files (*{FileSuffix}, written by --write_json) but the folder has none");
        return new OpenPoseFolder([.. numbered.Select(f => (f.Key, f.Value))], framesPerSecond);
    }

    /// <summary>Every frame in frame-number order, each file read when its frame is reached.</summary>
    /// <exception cref="SeriesFormatException">A file that is not OpenPose's JSON: its <c>file:line:column</c> for a syntax error, else the file and the person at fault.</exception>
    public IEnumerable<OpenPoseFrame> Frames()
    {
        foreach (var (number, path) in files)
            yield return new OpenPoseFrame(MediaTime.FromSeconds(number / framesPerSecond), People(path));
    }

    /// <summary>The digits just before <c>_keypoints.json</c>: OpenPose numbers a video's frames there from 0.</summary>
    private static long FrameNumber(string path)
    {
        var name = Path.GetFileName(path);
        var stem = name[..^FileSuffix.Length];
        var digits = stem.Length;
        while (digits > 0 && char.IsAsciiDigit(stem[digits - 1]))
            digits--;
        return long.TryParse(stem.AsSpan(digits), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new SeriesFormatException(path, null, null, $"expected a frame number before {FileSuffix} (OpenPose names a video's frames NAME_000000000000{FileSuffix}) but found '{name}'");
    }

    private static List<IReadOnlyList<PoseLandmark>> People(string path)
    {
        using var document = Parse(path);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("people", out var people) || people.ValueKind != JsonValueKind.Array)
            throw new SeriesFormatException(path, null, null, "expected an object with a \"people\" array (OpenPose's --write_json format)");
        var result = new List<IReadOnlyList<PoseLandmark>>();
        var index = 0;
        foreach (var person in people.EnumerateArray())
        {
            result.Add(Landmarks(person, path, index));
            index++;
        }

        return result;
    }

    private static JsonDocument Parse(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException error)
        {
            // The reader counts lines and bytes from 0; editors count from 1.
            var line = error.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var column = error.BytePositionInLine is { } c ? (int)c + 1 : (int?)null;
            var reason = error.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd();
            throw new SeriesFormatException(path, line, column, $"expected JSON (OpenPose's --write_json format) but {reason}", error);
        }
    }

    private static PoseLandmark[] Landmarks(JsonElement person, string path, int index)
    {
        if (person.ValueKind != JsonValueKind.Object || !person.TryGetProperty("pose_keypoints_2d", out var keypoints) || keypoints.ValueKind != JsonValueKind.Array)
            throw new SeriesFormatException(path, null, null, $"expected people[{index}] to be an object with a \"pose_keypoints_2d\" array (OpenPose run without its body model?)");
        var count = keypoints.GetArrayLength();
        var model = OpenPoseBodyModel.WithValueCount(count)
            ?? throw new SeriesFormatException(path, null, null,
                $"expected people[{index}].pose_keypoints_2d to hold {OpenPoseBodyModel.Body25.ValueCount} numbers ({OpenPoseBodyModel.Body25.Name}: x, y, confidence of 25 keypoints) or {OpenPoseBodyModel.Coco18.ValueCount} ({OpenPoseBodyModel.Coco18.Name}) but it holds {count}");
        var values = new float[count];
        var k = 0;
        foreach (var value in keypoints.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetSingle(out values[k]) || !float.IsFinite(values[k]))
                throw new SeriesFormatException(path, null, null, $"expected a number at people[{index}].pose_keypoints_2d[{k}] but found {value.GetRawText()}");
            k++;
        }

        // OpenPose has no depth: z is NaN throughout (no lean towards the camera can be measured), never 0.
        var landmarks = new PoseLandmark[Skeleton.LandmarkCount];
        Array.Fill(landmarks, new PoseLandmark(0, 0, float.NaN, 0));
        for (var i = 0; i < model.SchemaLandmarks.Count; i++)
        {
            if (model.SchemaLandmarks[i] is not { } landmark)
                continue;
            var visibility = OpenPoseConfidence.Visibility(values[(3 * i) + 2]);
            if (visibility > 0)
                landmarks[landmark] = new PoseLandmark(values[3 * i], values[(3 * i) + 1], float.NaN, visibility);
        }

        return landmarks;
    }
}
