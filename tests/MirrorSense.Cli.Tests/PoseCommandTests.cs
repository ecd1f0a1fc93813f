using System.Globalization;
using MirrorSense.Testing;

namespace MirrorSense.Cli.Tests;

/// <summary><c>mirrorsense pose</c> run as a user runs it, on videos made in the test.</summary>
public sealed class PoseCommandTests
{
    private const string Header = "time_s,participant,landmark,x,y,z,visibility";

    public sealed class GoodInput
    {
        [SkippableFact]
        public void Should_write_both_peoples_landmarks_whose_shoulders_follow_their_lean()
        {
            // Given a 6 s constructed dyad: the woman on the left leaning ±12°, the man on the right ±10°
            using var folder = new TempFolder();
            var video = PoseVideos.ConstructedDyad(folder.Combine("dyad.avi"), 6);

            // When pose runs with an overlay
            var outcome = MirrorSenseProcess.Run("pose", video, "--out", folder.Combine("pose.csv"), "--overlay", folder.Combine("overlay.avi"));

            // Then it succeeds, writes 33 rows per person per frame, A on the left, and each shoulder line follows its lean
            Assert.True(outcome.ExitCode == 0, outcome.Error);
            var rows = PoseCsv.Read(folder.Combine("pose.csv"));
            Assert.Equal(180 * 2 * 33, rows.Count);
            Assert.All(rows.Where(r => r.Landmark == "nose"), r => Assert.True(r.Participant == "A" ? r.X < 320 : r.X >= 320, $"{r.Participant} at x = {r.X}"));
            Assert.True(PoseCsv.LeanCorrelation(rows, "A", PoseVideos.LeanA) >= 0.9);
            Assert.True(PoseCsv.LeanCorrelation(rows, "B", PoseVideos.LeanB) >= 0.9);
            Assert.True(new FileInfo(folder.Combine("overlay.avi")).Length > 100_000);
        }

        [SkippableFact]
        public void Should_track_the_two_most_prominent_of_three_people_and_warn()
        {
            using var folder = new TempFolder();
            var video = PoseVideos.ThreePeople(folder.Combine("three.avi"), 10);

            var outcome = MirrorSenseProcess.Run("pose", video, "--out", folder.Combine("pose.csv"));

            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains("warning: 3 people were in view", outcome.Error);
            Assert.Contains("only the 2 most prominent are tracked", outcome.Error);
            var rows = PoseCsv.Read(folder.Combine("pose.csv"));
            Assert.Equal(["A", "B"], rows.Select(r => r.Participant).Distinct().Order());
            Assert.Equal(10 * 2 * 33, rows.Count);
        }

        [SkippableFact]
        public void Should_write_every_frame_with_the_frames_between_measured_ones_interpolated_when_the_model_runs_on_every_third()
        {
            // Given a 3 s constructed dyad, 90 frames, and the landmark model on frames 0, 3, …, 87
            using var folder = new TempFolder();
            var video = PoseVideos.ConstructedDyad(folder.Combine("dyad.avi"), 3);

            // When pose runs
            var outcome = MirrorSenseProcess.Run("pose", video, "--out", folder.Combine("pose.csv"), "--landmark-every", "3");

            // Then every frame is in pose.csv, in order, with both people's 33 landmarks
            Assert.True(outcome.ExitCode == 0, outcome.Error);
            var frames = PoseCsv.Read(folder.Combine("pose.csv")).GroupBy(r => r.Time).ToList();
            Assert.Equal(90, frames.Count);
            Assert.All(frames.Select((frame, k) => (frame, k)), f =>
            {
                Assert.Equal(f.k / 30.0, f.frame.Key, 3);
                Assert.Equal(2 * 33, f.frame.Count());
            });

            // And the frames between two measured ones lie between them; the two after the last measured one repeat it
            PoseCsv.Row Shoulder(int k, string who) => frames[k].Single(r => r.Participant == who && r.Landmark == "left_shoulder");
            foreach (var who in new[] { "A", "B" })
            {
                for (var k = 1; k < 88; k++)
                {
                    if (k % 3 == 0)
                        continue;
                    var (before, at, after) = (Shoulder(k - k % 3, who), Shoulder(k, who), Shoulder(k - k % 3 + 3, who));
                    Assert.InRange(at.Y, Math.Min(before.Y, after.Y) - 0.01, Math.Max(before.Y, after.Y) + 0.01);
                    Assert.InRange(at.X, Math.Min(before.X, after.X) - 0.01, Math.Max(before.X, after.X) + 0.01);
                }

                Assert.All(new[] { 88, 89 }, k => Assert.Equal((Shoulder(87, who).X, Shoulder(87, who).Y), (Shoulder(k, who).X, Shoulder(k, who).Y)));
            }
        }

        [Fact]
        public void Should_count_frames_with_no_one_and_write_no_rows_for_them()
        {
            using var folder = new TempFolder();
            var video = PoseVideos.NoOne(folder.Combine("empty.avi"), 30);

            var outcome = MirrorSenseProcess.Run("pose", video, "--out", folder.Combine("pose.csv"));

            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains("no one was found in 30 of 30 frames", outcome.Error);
            Assert.Contains("30 frames of empty.avi", outcome.Output);
            Assert.Equal([Header], File.ReadAllLines(folder.Combine("pose.csv")));
        }
    }

    public sealed class BadInput
    {
        [Fact]
        public void Should_say_a_missing_video_does_not_exist()
        {
            using var folder = new TempFolder();
            var outcome = MirrorSenseProcess.Run("pose", folder.Combine("absent.mp4"), "--out", folder.Combine("pose.csv"));
            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains("absent.mp4' does not exist", outcome.Error);
            Assert.DoesNotContain("   at ", outcome.Error);
        }

        [Fact]
        public void Should_say_a_file_that_is_not_a_video_is_not_one()
        {
            using var folder = new TempFolder();
            var notVideo = folder.Write("notes.avi", "not a video at all\n");
            var outcome = MirrorSenseProcess.Run("pose", notVideo, "--out", folder.Combine("pose.csv"));
            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains("is not a video", outcome.Error);
            Assert.DoesNotContain("   at ", outcome.Error);
        }

        [SkippableFact]
        public void Should_write_the_frames_before_the_damage_of_a_truncated_video_then_fail()
        {
            // Given a 3 s dyad video cut off at 60 % of its bytes
            using var folder = new TempFolder();
            var video = PoseVideos.ConstructedDyad(folder.Combine("cut.avi"), 3);
            PoseVideos.Truncate(video, 0.6);

            // When pose runs
            var outcome = MirrorSenseProcess.Run("pose", video, "--out", folder.Combine("pose.csv"));

            // Then it fails saying the file is truncated, and the rows of the frames before the damage are there
            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains("truncated", outcome.Error);
            Assert.DoesNotContain("   at ", outcome.Error);
            var rows = PoseCsv.Read(folder.Combine("pose.csv"));
            var frames = rows.Select(r => r.Time).Distinct().Count();
            Assert.InRange(frames, 30, 80);
        }

        [Fact]
        public void Should_refuse_more_than_two_people()
        {
            using var folder = new TempFolder();
            var video = PoseVideos.NoOne(folder.Combine("empty.avi"), 2);
            var outcome = MirrorSenseProcess.Run("pose", video, "--out", folder.Combine("pose.csv"), "--max-people", "3");
            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("--max-people must be 1 or 2", outcome.Error);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("11")]
        public void Should_refuse_to_run_the_landmark_model_on_no_frame_or_too_rarely_in_one_line(string every)
        {
            using var folder = new TempFolder();
            var video = PoseVideos.NoOne(folder.Combine("empty.avi"), 2);

            var outcome = MirrorSenseProcess.Run("pose", video, "--out", folder.Combine("pose.csv"), "--landmark-every", every);

            Assert.Equal(2, outcome.ExitCode);
            var message = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Equal($"mirrorsense pose: --landmark-every must be from 1 (every frame) to 10 (every 10th frame), not {every}.", message);
            Assert.False(File.Exists(folder.Combine("pose.csv")));
        }
    }
}

/// <summary>Rows of a pose CSV, and how a person's shoulder line follows a lean signal.</summary>
internal static class PoseCsv
{
    public sealed record Row(double Time, string Participant, string Landmark, double X, double Y, double Z, double Visibility);

    public static List<Row> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal("time_s,participant,landmark,x,y,z,visibility", lines[0]);
        return [.. lines.Skip(1).Select(line =>
        {
            var f = line.Split(',');
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            return new Row(D(0), f[1], f[2], D(3), D(4), D(5), D(6));
        })];
    }

    public static double LeanCorrelation(List<Row> rows, string participant, Func<double, double> truth)
    {
        var pairs = rows.Where(r => r.Participant == participant).GroupBy(r => r.Time).Select(g =>
        {
            var l = g.Single(r => r.Landmark == "left_shoulder");
            var r = g.Single(r => r.Landmark == "right_shoulder");
            return (Measured: Math.Atan2(-(l.Y - r.Y), l.X - r.X) * 180 / Math.PI, True: truth(g.Key));
        }).ToList();
        var (mx, my) = (pairs.Average(p => p.Measured), pairs.Average(p => p.True));
        var sxy = pairs.Sum(p => (p.Measured - mx) * (p.True - my));
        return sxy / Math.Sqrt(pairs.Sum(p => Math.Pow(p.Measured - mx, 2)) * pairs.Sum(p => Math.Pow(p.True - my, 2)));
    }
}
