using System.Globalization;
using MirrorSense.Testing;
using OpenCvSharp;

namespace MirrorSense.Cli.Tests;

/// <summary>
/// <c>--face</c> on <c>mirrorsense pose</c> and <c>analyze</c>, run as a user runs them, on a video of two real faces
/// turned towards each other: the woman close to the camera in face-api's demo/sample3.jpg (MIT; her head turned about
/// 15° towards the viewer's left) on the right, her mirror image on the left, a grey gap between them.
/// </summary>
public sealed class FaceCommandTests
{
    private const int Frames = 60;

    /// <summary>The woman of demo/sample3.jpg, 960×720 of the photo around her face halved to 480×360.</summary>
    private static Mat Portrait()
    {
        using var photo = Cv2.ImRead(NpmTestPackages.File(NpmTestPackages.FaceApi, "demo/sample3.jpg"));
        Skip.If(photo.Empty(), "OpenCV could not decode face-api's demo/sample3.jpg.");
        using var crop = new Mat(photo, new Rect(208, 109, 960, 720));
        return crop.Resize(new Size(480, 360), 0, 0, InterpolationFlags.Area);
    }

    private static string TwoFaces(TempFolder folder)
    {
        var path = folder.Combine("faces.avi");
        using var portrait = Portrait();
        using var mirrored = portrait.Flip(FlipMode.Y);
        using var gap = new Mat(360, 160, MatType.CV_8UC3, new Scalar(128, 128, 128));
        using var frame = new Mat();
        Cv2.HConcat([mirrored, gap, portrait], frame);
        using var writer = new VideoWriter(path, VideoWriter.FourCC("MJPG"), 30, frame.Size());
        for (var i = 0; i < Frames; i++)
            writer.Write(frame);
        return path;
    }

    [SkippableFact]
    public void Pose_with_face_writes_every_persons_468_mesh_points_per_frame_to_face_csv_and_draws_them()
    {
        // Given two faces in a 2 s video
        using var folder = new TempFolder();
        var video = TwoFaces(folder);

        // When pose runs with --face and an overlay
        var run = MirrorSenseProcess.Run("pose", video, "--out", folder.Combine("pose.csv"), "--face", "--overlay", folder.Combine("overlay.avi"));

        // Then face.csv sits beside pose.csv with 468 rows per person per frame, A's face on the left
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("face meshes in", run.Output);
        var lines = File.ReadAllLines(folder.Combine("face.csv"));
        Assert.Equal("time_s,participant,landmark,x,y,z", lines[0]);
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToArray();
        Assert.Equal(Frames * 2 * 468, rows.Length);
        Assert.Equal(Enumerable.Range(0, 468).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Take(468).Select(r => r[2]));
        Assert.All(rows, r => Assert.True(r[1] == "A" ? X(r) < 480 : X(r) >= 640, $"{r[1]} at x = {r[3]}"));

        // And the overlay shows A's mesh in A's green on the face: the pixel of A's nose tip
        using var overlay = new VideoCapture(folder.Combine("overlay.avi"));
        using var first = new Mat();
        Assert.True(overlay.Read(first));
        var nose = rows.First(r => r[1] == "A" && r[2] == "1");
        var pixel = first.At<Vec3b>((int)Math.Round(double.Parse(nose[4], CultureInfo.InvariantCulture)), (int)Math.Round(X(nose)));
        Assert.True(pixel.Item1 > 150 && pixel.Item0 < 150 && pixel.Item2 < 150, $"overlay pixel at A's nose tip: {pixel}");
    }

    [SkippableFact]
    public void Analyze_with_face_adds_each_persons_face_features_to_features_csv_and_tries_smile_mimicry()
    {
        // Given the same video
        using var folder = new TempFolder();
        var video = TwoFaces(folder);
        var output = folder.Combine("out");

        // When analyze runs with --face
        var run = MirrorSenseProcess.Run("analyze", "--video", video, "--no-audio", "--face", "--out", output);

        // Then features.csv has the face features of both on every grid point: both look at each other, their yaws mirror
        // each other (A, on the left, turned towards the viewer's right), and a still face does not smile
        Assert.True(run.ExitCode == 0, run.Error);
        var values = File.ReadLines(Path.Combine(output, "features.csv")).Skip(1)
            .Select(line => line.Split(','))
            .GroupBy(r => (Participant: r[1], Feature: r[2]))
            .ToDictionary(g => g.Key, g => g.Select(r => r[3]).ToArray());
        foreach (var feature in new[] { "smile", "face_head_pitch", "face_head_yaw", "face_head_roll", "gaze_yaw", "gaze_pitch", "looking_at_partner", "eyes_open" })
        {
            foreach (var who in new[] { "A", "B" })
                Assert.True(values.ContainsKey((who, feature)) && values[(who, feature)].All(v => v.Length > 0), $"{who} {feature}: {string.Join(' ', values.GetValueOrDefault((who, feature)) ?? [])}");
        }

        double Mean(string who, string feature) => values[(who, feature)].Average(v => double.Parse(v, CultureInfo.InvariantCulture));
        Assert.Equal(1, Mean("A", "looking_at_partner"));
        Assert.Equal(1, Mean("B", "looking_at_partner"));
        Assert.True(Mean("A", "face_head_yaw") < -5 && Mean("B", "face_head_yaw") > 5, $"yaw A {Mean("A", "face_head_yaw"):0.0}, B {Mean("B", "face_head_yaw"):0.0}");
        Assert.InRange(Mean("A", "face_head_yaw") + Mean("B", "face_head_yaw"), -3, 3);
        Assert.InRange(Mean("A", "smile"), -0.1, 0.1);

        // And smile mimicry was attempted on the faces: 2 s are shorter than one of its windows, and summary.json says so
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var missing = summary.RootElement.GetProperty("missing").GetProperty("smile_mimicry").GetString();
        Assert.Contains("fewer than one window needs", missing);
        Assert.Contains("mirrorsense analyze --print-config", missing);

        // And the looks are events: each person looks, and they meet each other's eyes, from the first tenth of a second on
        var events = File.ReadLines(Path.Combine(output, "face_events.csv")).Skip(1).Select(line => line.Split(',')).ToArray();
        Assert.Equal(["A looking_at_partner", "B looking_at_partner", "AB mutual_gaze"], events.Select(e => $"{e[0]} {e[1]}"));
        Assert.All(events, e => Assert.True(double.Parse(e[2], CultureInfo.InvariantCulture) < 0.2, string.Join(',', e)));
        var tiers = System.Xml.Linq.XDocument.Load(Path.Combine(output, "session.eaf")).Descendants("TIER").Select(t => t.Attribute("TIER_ID")!.Value).ToArray();
        Assert.Subset(tiers.ToHashSet(), new HashSet<string> { "smiles_A", "smiles_B", "looking_A", "looking_B", "mutual_gaze_events" });
    }

    [SkippableFact]
    public void Analyze_with_face_takes_nods_from_the_head_pitch_where_the_face_is_read()
    {
        // Given 8 s of the two faces, A's tipped forward twice in two nods (12°, 2 a second) at 2 s and 5 s, B's still
        using var folder = new TempFolder();
        var video = folder.Combine("nods.avi");
        using var portrait = Portrait();
        using var mirrored = portrait.Flip(FlipMode.Y);
        var warp = new Vision.Tests.Faces.HeadTurnWarp(MeshOf(mirrored), mirrored.Size());
        static double Tip(double t) => (t is >= 2 and < 3) || (t is >= 5 and < 6) ? 12 * (1 - Math.Cos(2 * Math.PI * 2 * t)) / 2 : 0;
        using var gap = new Mat(360, 160, MatType.CV_8UC3, new Scalar(128, 128, 128));
        using (var writer = new VideoWriter(video, VideoWriter.FourCC("MJPG"), 30, new Size(1120, 360)))
        {
            for (var i = 0; i < 8 * 30; i++)
            {
                using var a = warp.Apply(mirrored, Tip(i / 30.0));
                using var frame = new Mat();
                Cv2.HConcat([a, gap, portrait], frame);
                writer.Write(frame);
            }
        }

        // When analyze runs with --face
        var output = folder.Combine("out");
        var run = MirrorSenseProcess.Run("analyze", "--video", video, "--no-audio", "--face", "--out", output);

        // Then head_movements.csv has A's two nods, read from the head's pitch in degrees, at their times, and none of B's
        Assert.True(run.ExitCode == 0, run.Error);
        var rows = File.ReadLines(Path.Combine(output, "head_movements.csv")).Skip(1).Select(line => line.Split(',')).ToArray();
        var nods = rows.Where(r => r[1] == "nod").ToArray();
        Assert.True(nods.Length == 2, string.Join(" | ", rows.Select(r => string.Join(',', r))));
        Assert.All(nods, r => Assert.Equal(("A", "degrees"), (r[0], r[6])));
        Assert.InRange(double.Parse(nods[0][2], CultureInfo.InvariantCulture), 1.8, 3);
        Assert.InRange(double.Parse(nods[1][2], CultureInfo.InvariantCulture), 4.8, 6);
    }

    /// <summary>The face mesh the face stage finds on a still picture with one person.</summary>
    private static Core.FaceMesh MeshOf(Mat picture)
    {
        using var estimator = new Vision.PoseEstimator(new Vision.PoseOptions(MaxPeople: 1, Only: Core.Participant.A));
        using var faces = new Vision.Faces.FaceStage();
        return faces.Estimate(picture, estimator.Process(picture, Core.MediaTime.Zero)).Of(Core.Participant.A)?.Mesh
            ?? throw new InvalidOperationException("No trusted face in the portrait.");
    }

    [Fact]
    public void Analyze_with_face_refuses_one_camera_per_person()
    {
        using var folder = new TempFolder();
        var a = folder.Write("a.avi", "x");
        var b = folder.Write("b.avi", "x");

        var run = MirrorSenseProcess.Run("analyze", "--video-a", a, "--video-b", b, "--no-audio", "--face", "--out", folder.Combine("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--face needs --video", run.Error);
    }

    private static double X(string[] row) => double.Parse(row[3], CultureInfo.InvariantCulture);
}
