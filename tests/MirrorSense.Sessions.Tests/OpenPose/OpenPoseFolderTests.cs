using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Sessions.OpenPose;
using MirrorSense.Sessions.Readers;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.OpenPose;

/// <summary>OpenPose's --write_json folders (doc/02_output.md of CMU-Perceptual-Computing-Lab/openpose) read into frames of the 33-point schema.</summary>
public sealed class OpenPoseFolderTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-openpose-");

    public void Dispose() => _folder.Dispose();

    /// <summary>A person whose keypoint k is at (100 + k, 200 + k) with confidence 0.9, as OpenPose writes it.</summary>
    private static string Keypoints(int count, Func<int, (double X, double Y, double C)>? at = null) =>
        string.Join(",", Enumerable.Range(0, count).Select(k => at?.Invoke(k) ?? (100 + k, 200 + k, 0.9))
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X},{p.Y},{p.C}")));

    private static string File(params string[] people) =>
        $"{{\"version\":1.3,\"people\":[{string.Join(",", people.Select(p => $"{{\"person_id\":[-1],\"pose_keypoints_2d\":[{p}],\"face_keypoints_2d\":[]}}"))}]}}";

    private string Write(string name, string text) => _folder.Write(name, text);

    private List<OpenPoseFrame> Read(double fps = 30) => [.. OpenPoseFolder.Open(_folder.Path, fps).Frames()];

    private static PoseLandmark At(OpenPoseFrame frame, int person, string landmark) => frame.People[person][Skeleton.IndexOf(landmark)];

    [Fact]
    public void Frames_come_in_the_order_of_the_number_in_their_names_and_at_that_frame_of_the_frame_rate()
    {
        // Given names whose listing order is not their frame order (unpadded numbers)
        foreach (var n in new[] { 10, 9, 100 })
            Write($"clip_{n}_keypoints.json", File(Keypoints(25, k => (n, k, 0.9))));
        Write("notes.json", "not keypoints");

        var frames = Read(fps: 25);

        Assert.Equal([9.0, 10.0, 100.0], frames.Select(f => (double)At(f, 0, "nose").X));
        Assert.Equal([9 / 25.0, 10 / 25.0, 100 / 25.0], frames.Select(f => f.Time.Seconds));
    }

    [Fact]
    public void A_BODY_25_person_has_its_keypoints_at_the_matching_landmarks_and_no_depth()
    {
        Write("v_000000000000_keypoints.json", File(Keypoints(25)));

        var person = Read().Single().People.Single();

        // BODY_25: 2 RShoulder, 5 LShoulder, 7 LWrist, 9 RHip, 16 LEye, 19 LBigToe, 21 LHeel, 24 RHeel (x = 100 + k)
        Assert.Equal(33, person.Count);
        Assert.Equal(102f, person[Skeleton.RightShoulder].X);
        Assert.Equal(105f, person[Skeleton.LeftShoulder].X);
        Assert.Equal(107f, person[Skeleton.IndexOf("left_wrist")].X);
        Assert.Equal(109f, person[Skeleton.RightHip].X);
        Assert.Equal(216f, person[Skeleton.IndexOf("left_eye")].Y);
        Assert.Equal(119f, person[Skeleton.IndexOf("left_foot_index")].X);
        Assert.Equal(121f, person[Skeleton.IndexOf("left_heel")].X);
        Assert.Equal(124f, person[Skeleton.IndexOf("right_heel")].X);
        Assert.All(person, l => Assert.True(float.IsNaN(l.Z)));
        // What OpenPose does not have is missing
        foreach (var lacking in new[] { "left_eye_inner", "right_eye_outer", "mouth_left", "left_pinky", "right_index", "left_thumb" })
            Assert.Equal(0f, person[Skeleton.IndexOf(lacking)].Visibility);
        Assert.Equal(21, person.Count(l => l.Visibility > 0));
    }

    [Fact]
    public void A_COCO_18_person_is_told_from_BODY_25_by_its_length_and_has_its_keypoints_at_the_matching_landmarks()
    {
        Write("v_000000000000_keypoints.json", File(Keypoints(18)));

        var person = Read().Single().People.Single();

        // COCO-18: 0 Nose, 5 LShoulder, 8 RHip, 11 LHip, 13 LAnkle, 14 REye, 17 LEar; no MidHip shifting the rest
        Assert.Equal(100f, person[Skeleton.Nose].X);
        Assert.Equal(105f, person[Skeleton.LeftShoulder].X);
        Assert.Equal(108f, person[Skeleton.RightHip].X);
        Assert.Equal(111f, person[Skeleton.LeftHip].X);
        Assert.Equal(113f, person[Skeleton.IndexOf("left_ankle")].X);
        Assert.Equal(114f, person[Skeleton.IndexOf("right_eye")].X);
        Assert.Equal(117f, person[Skeleton.IndexOf("left_ear")].X);
        Assert.Equal(0f, person[Skeleton.IndexOf("left_heel")].Visibility);
        Assert.Equal(17, person.Count(l => l.Visibility > 0));
    }

    [Fact]
    public void A_keypoint_OpenPose_did_not_find_or_is_barely_sure_of_is_missing_not_zero()
    {
        // Given a nose not found (0, 0, 0), a right shoulder at confidence 0.05, a left one at 0.1 and the rest at 1
        Write("v_000000000000_keypoints.json", File(Keypoints(25, k => k switch
        {
            0 => (0, 0, 0),
            2 => (300, 300, 0.05),
            5 => (320, 300, 0.1),
            _ => (100 + k, 200 + k, 1),
        })));

        var person = Read().Single().People.Single();

        Assert.Equal(0f, person[Skeleton.Nose].Visibility);
        Assert.Equal(0f, person[Skeleton.RightShoulder].Visibility);
        // At the minimum confidence a point enters at the features' visibility threshold; fully sure, at 1
        Assert.Equal(0.5f, person[Skeleton.LeftShoulder].Visibility, 5);
        Assert.Equal(1f, person[Skeleton.IndexOf("left_elbow")].Visibility, 5);
    }

    [Fact]
    public void A_frame_without_people_is_an_empty_frame_not_a_missing_one()
    {
        Write("v_000000000000_keypoints.json", File());
        Write("v_000000000001_keypoints.json", File(Keypoints(25), Keypoints(18)));

        var frames = Read();

        Assert.Equal([0, 2], frames.Select(f => f.People.Count));
    }

    [Fact]
    public void A_JSON_syntax_error_is_named_by_file_line_and_column()
    {
        var path = Write("v_000000000003_keypoints.json", "{\"version\":1.3,\n\"people\":[{\"pose_keypoints_2d\":[1,2,,3]}]}");

        var error = Assert.Throws<SeriesFormatException>(() => Read());

        Assert.Equal(path, error.FilePath);
        Assert.Equal(2, error.Line);
        Assert.Equal(37, error.Column);
        Assert.StartsWith($"{path}:2:37: expected JSON", error.Message);
    }

    [Fact]
    public void A_keypoint_array_of_another_length_names_the_file_the_person_and_the_lengths_expected()
    {
        // Given OpenPose's MPI model (15 keypoints) for the second person
        var path = Write("v_000000000000_keypoints.json", File(Keypoints(25), Keypoints(15)));

        var error = Assert.Throws<SeriesFormatException>(() => Read());

        Assert.Equal(path, error.FilePath);
        Assert.Contains("people[1].pose_keypoints_2d", error.Message);
        Assert.Contains("75 numbers (BODY_25", error.Message);
        Assert.Contains("54 (COCO-18)", error.Message);
        Assert.Contains("holds 45", error.Message);
    }

    [Fact]
    public void A_file_without_a_people_array_or_a_person_without_body_keypoints_is_named()
    {
        var path = Write("v_000000000000_keypoints.json", "{\"version\":1.3,\"people\":[{\"face_keypoints_2d\":[1,2,0.5]}]}");

        var error = Assert.Throws<SeriesFormatException>(() => Read());

        Assert.Equal(path, error.FilePath);
        Assert.Contains("people[0]", error.Message);
        Assert.Contains("pose_keypoints_2d", error.Message);

        System.IO.File.WriteAllText(path, "[1, 2]");
        Assert.Contains("\"people\" array", Assert.Throws<SeriesFormatException>(() => Read()).Message);
    }

    [Fact]
    public void A_keypoint_value_that_is_not_a_number_is_named_by_its_place()
    {
        Write("v_000000000000_keypoints.json", File(Keypoints(25, k => (100 + k, 200 + k, 0.9)).Replace("103,203", "103,null", StringComparison.Ordinal)));

        var error = Assert.Throws<SeriesFormatException>(() => Read());

        Assert.Contains("people[0].pose_keypoints_2d[10]", error.Message);
        Assert.Contains("found null", error.Message);
    }

    [Fact]
    public void An_empty_folder_is_named()
    {
        Write("video.mp4", "");

        var error = Assert.Throws<SeriesFormatException>(() => OpenPoseFolder.Open(_folder.Path, 30));

        Assert.Equal(_folder.Path, error.FilePath);
        Assert.Contains("*_keypoints.json", error.Message);
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_named()
    {
        var absent = _folder.Combine("absent");

        var error = Assert.Throws<SeriesFormatException>(() => OpenPoseFolder.Open(absent, 30));

        Assert.StartsWith($"{absent}: ", error.Message);
    }

    [Fact]
    public void A_name_without_a_frame_number_is_named()
    {
        var path = Write("portrait_keypoints.json", File(Keypoints(25)));

        var error = Assert.Throws<SeriesFormatException>(() => OpenPoseFolder.Open(_folder.Path, 30));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("frame number", error.Message);
    }

    [Fact]
    public void One_frame_number_in_two_files_names_both()
    {
        Write("a_000000000007_keypoints.json", File(Keypoints(25)));
        Write("b_000000000007_keypoints.json", File(Keypoints(25)));

        var error = Assert.Throws<SeriesFormatException>(() => OpenPoseFolder.Open(_folder.Path, 30));

        Assert.Contains("frame 7", error.Message);
        Assert.Contains("_000000000007_keypoints.json", error.FilePath);
        Assert.Contains("_000000000007_keypoints.json'", error.Message);
    }
}
