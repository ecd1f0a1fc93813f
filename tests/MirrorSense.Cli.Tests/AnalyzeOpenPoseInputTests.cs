using MirrorSense.Core;
using MirrorSense.Testing;

namespace MirrorSense.Cli.Tests;

/// <summary><c>mirrorsense analyze --openpose</c> on small hand-made keypoint folders: what it refuses and how it says so.</summary>
public sealed class AnalyzeOpenPoseInputTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-openpose-input-");

    public void Dispose() => _folder.Dispose();

    /// <summary>A seated person around <paramref name="x"/> whose every landmark is seen, swaying 5 px at 0.3 Hz.</summary>
    private static PersonPose Person(Participant who, float x, float height, double t) =>
        new(who, [.. Enumerable.Range(0, Skeleton.LandmarkCount).Select(i => new PoseLandmark(
            x + (float)(5 * Math.Sin(2 * Math.PI * 0.3 * t)) + (i % 2 == 0 ? -0.3f : 0.3f) * height, 100 + (i * height / 12), 0, 0.9f))]);

    /// <summary>Three people (a small one between the two seated ones) for <paramref name="seconds"/> at 30 fps, as BODY_25 files.</summary>
    private string ThreePeople(double seconds)
    {
        var folder = _folder.Combine("three");
        var frames = Enumerable.Range(0, (int)(seconds * 30)).Select(k =>
        {
            var t = k / 30.0;
            return new PoseFrame(MediaTime.FromSeconds(t), [Person(Participant.A, 150, 120, t), Person(Participant.B, 330, 40, t), Person(Participant.B, 500, 120, t)]);
        });
        OpenPoseJsonWriter.Write(folder, frames, 30, OpenPoseJsonWriter.Body25);
        return folder;
    }

    private ProcessOutcome Analyze(params string[] arguments) =>
        MirrorSenseProcess.Run(["analyze", .. arguments, "--no-audio", "--out", _folder.Combine("out")]);

    private static void AssertRefused(ProcessOutcome run, int exitCode, string message)
    {
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void More_than_two_people_keep_the_two_largest_as_A_and_B_and_say_so()
    {
        var folder = ThreePeople(seconds: 3);

        var run = Analyze("--openpose", folder);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("90 of 90 OpenPose frames hold more than two people: in each the two largest were kept", run.Error);
        // A is the large person on the left, B the large one on the right; the small one in between is in no row
        var noses = File.ReadLines(_folder.Combine("out", "pose.csv")).Skip(1).Select(l => l.Split(',')).Where(c => c[2] == "nose").ToList();
        Assert.Equal(180, noses.Count);
        Assert.All(noses, c => Assert.InRange(float.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture), c[1] == "A" ? 100 : 450, c[1] == "A" ? 200 : 550));
    }

    [Theory]
    [InlineData(460, "B")]
    [InlineData(180, "A")]
    public void A_person_alone_is_placed_by_the_side_of_the_width_given(float x, string expected)
    {
        var folder = _folder.Combine("alone");
        OpenPoseJsonWriter.Write(folder, Enumerable.Range(0, 30).Select(k => new PoseFrame(MediaTime.FromSeconds(k / 30.0), [Person(Participant.A, x, 120, k / 30.0)])), 30, OpenPoseJsonWriter.Coco18);

        var run = Analyze("--openpose", folder, "--openpose-width", "640");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.All(File.ReadLines(_folder.Combine("out", "pose.csv")).Skip(1), line => Assert.Equal(expected, line.Split(',')[1]));
    }

    [Fact]
    public void A_JSON_syntax_error_stops_the_analysis_before_any_work_naming_file_line_and_column()
    {
        var folder = ThreePeople(seconds: 1);
        var broken = Path.Combine(folder, "session_000000000012_keypoints.json");
        File.WriteAllText(broken, "{\"version\":1.3,\n\"people\":[{\"pose_keypoints_2d\":[1,2,,3]}]}");

        var run = Analyze("--openpose", folder);

        AssertRefused(run, 1, $"{broken}:2:37: expected JSON");
        Assert.False(File.Exists(_folder.Combine("out", "summary.json")));
    }

    [Fact]
    public void A_keypoint_array_of_another_model_names_the_file_the_person_and_what_was_expected()
    {
        var folder = ThreePeople(seconds: 1);
        var mpi = Path.Combine(folder, "session_000000000005_keypoints.json");
        File.WriteAllText(mpi, $"{{\"people\":[{{\"pose_keypoints_2d\":[{string.Join(",", Enumerable.Repeat("1", 45))}]}}]}}");

        var run = Analyze("--openpose", folder);

        AssertRefused(run, 1, $"{mpi}: expected people[0].pose_keypoints_2d to hold 75 numbers (BODY_25");
    }

    [Fact]
    public void A_folder_without_keypoint_files_is_named()
    {
        var empty = Directory.CreateDirectory(_folder.Combine("empty")).FullName;

        AssertRefused(Analyze("--openpose", empty), 1, $"{empty}: expected OpenPose keypoint files (*_keypoints.json");
    }

    [Fact]
    public void Normalised_coordinates_are_refused_saying_pixels_are_expected()
    {
        var folder = _folder.Combine("normalised");
        OpenPoseJsonWriter.Write(folder, [new PoseFrame(MediaTime.Zero, [new PersonPose(Participant.A, [.. Enumerable.Repeat(new PoseLandmark(0.4f, 0.5f, 0, 0.9f), Skeleton.LandmarkCount)])])], 30, OpenPoseJsonWriter.Body25);

        AssertRefused(Analyze("--openpose", folder), 1, "expected keypoints in pixels");
    }

    [Theory]
    [InlineData("--fps", "25")]
    [InlineData("--openpose-width", "1280")]
    public void Keypoint_options_without_openpose_are_a_usage_error(string option, string value)
    {
        var folder = ThreePeople(seconds: 1);

        AssertRefused(Analyze("--pose", Path.Combine(folder, "x.csv"), option, value), 2, "give them with --openpose DIR");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-30")]
    public void A_frame_rate_that_cannot_be_is_a_usage_error(string fps)
    {
        AssertRefused(Analyze("--openpose", _folder.Path, "--fps", fps), 2, "--fps must be a positive number of frames per second");
    }

    [Fact]
    public void OpenPose_keypoints_and_a_pose_table_together_are_a_usage_error()
    {
        var folder = ThreePeople(seconds: 1);

        AssertRefused(Analyze("--openpose", folder, "--pose", Path.Combine(folder, "x.csv")), 2, "give either --openpose");
    }
}
