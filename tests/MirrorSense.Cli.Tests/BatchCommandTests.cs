using System.Text.Json;
using MirrorSense.Fixtures;
using MirrorSense.Testing;

namespace MirrorSense.Cli.Tests;

/// <summary>Two-voice recordings for <c>mirrorsense batch</c>, made once: audio-only sessions analyse in seconds.</summary>
public sealed class BatchVoices : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-batch-voices-");

    public BatchVoices()
    {
        for (var i = 1; i <= 3; i++)
            ConstructedSession.WriteVoices(Voice(i), 20, AnalyzeSessions.Turns(bPitch: t => 40 + 10 * i + t, bSpeed: _ => 150 + 10 * i));
    }

    /// <summary>A stereo recording (A left, B right) of about 20 s; 1 to 3.</summary>
    public string Voice(int number) => _folder.Combine($"voices{number}.wav");

    public void Dispose() => _folder.Dispose();
}

public sealed class BatchCommandTests(BatchVoices voices) : IClassFixture<BatchVoices>, IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-batch-");

    public void Dispose() => _folder.Dispose();

    private static string[] Rows(string path) => [.. File.ReadAllLines(path).Skip(1)];

    [Fact]
    public void Should_analyse_each_good_session_record_the_bad_one_and_skip_finished_ones_when_rerun()
    {
        // Given a manifest of three good sessions (relative and absolute paths) and one whose recording is missing
        File.Copy(voices.Voice(1), _folder.Combine("one.wav"));
        var manifest = _folder.Write("sessions.csv",
            "id,audio\n" +
            "one,one.wav\n" +
            $"two,{voices.Voice(2)}\n" +
            "gone,missing.wav\n" +
            $"three,\"{voices.Voice(3)}\"\n");
        var output = _folder.Combine("results");

        // When the batch runs two sessions at a time
        var first = MirrorSenseProcess.Run("batch", manifest, "--out", output, "--jobs", "2");

        // Then the good sessions have complete results (their units for Praat too), the bad one is recorded with its error, and the exit code says so
        Assert.Equal(1, first.ExitCode);
        Assert.DoesNotContain("   at ", first.Error);
        foreach (var id in new[] { "one", "two", "three" })
        {
            Assert.Contains("\"complete\": true", File.ReadAllText(Path.Combine(output, id, "summary.json")), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output, id, "units.TextGrid")), $"{id} has no units.TextGrid");
        }

        Assert.False(Directory.Exists(Path.Combine(output, "gone")));
        var status = Rows(Path.Combine(output, "batch.csv"));
        Assert.Equal(["one", "two", "gone", "three"], status.Select(r => r.Split(',')[0]));
        var gone = status[2];
        Assert.StartsWith("gone,failed,1,", gone, StringComparison.Ordinal);
        Assert.Contains($"{manifest}:4: gone: ", gone, StringComparison.Ordinal);
        Assert.Contains("missing.wav", gone, StringComparison.Ordinal);
        Assert.Contains("missing.wav", first.Error, StringComparison.Ordinal);
        Assert.Contains("[4/4]", first.Error, StringComparison.Ordinal);
        Assert.Contains(" left, about ", first.Error, StringComparison.Ordinal);

        // And the tidy table has the measures of the three, and none of the bad one
        var measures = Rows(Path.Combine(output, "measures.csv"));
        Assert.Equal(["one", "three", "two"], measures.Select(r => r.Split(',')[0]).Distinct().Order());
        Assert.Contains(measures, r => r.StartsWith("two,tone,", StringComparison.Ordinal));
        Assert.All(measures, r => Assert.EndsWith(",true", r, StringComparison.Ordinal));

        // When it runs again
        var finished = File.GetLastWriteTimeUtc(Path.Combine(output, "two", "summary.json"));
        var second = MirrorSenseProcess.Run("batch", manifest, "--out", output);

        // Then the finished sessions are skipped, saying so, and only the bad one is tried again
        Assert.Equal(1, second.ExitCode);
        Assert.Equal(3, second.Error.Split('\n').Count(l => l.Contains(" skipped: already complete", StringComparison.Ordinal)));
        Assert.Equal(finished, File.GetLastWriteTimeUtc(Path.Combine(output, "two", "summary.json")));
        Assert.Equal(["one,skipped", "two,skipped", "gone,failed", "three,skipped"],
            Rows(Path.Combine(output, "batch.csv")).Select(r => string.Join(',', r.Split(',')[..2])));
        Assert.Equal(measures, Rows(Path.Combine(output, "measures.csv")));
    }

    [Fact]
    public void Should_split_the_rows_between_shards_so_that_together_they_cover_each_once_and_combine_afterwards()
    {
        // Given five sessions: a good one in each shard, and three whose recordings are missing (they fail at once)
        var manifest = _folder.Write("sessions.csv",
            "id,audio\n" +
            $"good1,{voices.Voice(1)}\n" +
            $"good2,{voices.Voice(2)}\n" +
            string.Concat(Enumerable.Range(1, 3).Select(i => $"bad{i},absent{i}.wav\n")));
        var output = _folder.Combine("results");

        // When shard 1/2 and shard 2/2 run into the same folder
        var one = MirrorSenseProcess.Run("batch", manifest, "--out", output, "--shard", "1/2");
        var two = MirrorSenseProcess.Run("batch", manifest, "--out", output, "--shard", "2/2");

        // Then the rows 0, 2, 4 and 1, 3 went to each, every row once, each shard in its own files, neither touching the other's
        Assert.Equal((1, 1), (one.ExitCode, two.ExitCode));
        var first = Rows(Path.Combine(output, "batch-1-of-2.csv")).Select(r => r.Split(',')[0]).ToList();
        var second = Rows(Path.Combine(output, "batch-2-of-2.csv")).Select(r => r.Split(',')[0]).ToList();
        Assert.Equal(["good1", "bad1", "bad3"], first);
        Assert.Equal(["good2", "bad2"], second);
        Assert.False(File.Exists(Path.Combine(output, "batch.csv")));
        Assert.False(File.Exists(Path.Combine(output, "measures.csv")));
        var shardOne = Rows(Path.Combine(output, "measures-1-of-2.csv"));
        var shardTwo = Rows(Path.Combine(output, "measures-2-of-2.csv"));
        Assert.All(shardOne, r => Assert.StartsWith("good1,", r, StringComparison.Ordinal));
        Assert.All(shardTwo, r => Assert.StartsWith("good2,", r, StringComparison.Ordinal));
        Assert.NotEmpty(shardOne);
        Assert.NotEmpty(shardTwo);

        // When the results are combined
        var combined = MirrorSenseProcess.Run("batch", manifest, "--out", output, "--combine-only");

        // Then measures.csv holds both shards' rows, in manifest order, one per session × measure, and the sessions
        // without results are named
        Assert.Equal(0, combined.ExitCode);
        var measures = Rows(Path.Combine(output, "measures.csv"));
        Assert.Equal([.. shardOne, .. shardTwo], measures);
        Assert.Equal(measures.Length, measures.Select(r => string.Join(',', r.Split(',')[..2])).Distinct().Count());
        Assert.Contains("2 of 5", combined.Output, StringComparison.Ordinal);
        Assert.Contains("bad1", combined.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "measures.csv.partial")));
    }

    [Fact]
    public void A_swap_column_seats_A_on_the_right_of_that_sessions_picture_and_no_other()
    {
        // Given one pose table of two people, each tilted their own way, listed twice: as it is, and with A on the right
        var pose = _folder.Combine("pose.csv");
        SwayingPeople.Write(pose, 40, tiltA: 30, tiltB: -10);
        var manifest = _folder.Write("sessions.csv", "id,pose,no_audio,swap\nplain,pose.csv,yes,\nswapped,pose.csv,yes,yes\n");
        var output = _folder.Combine("results");

        var run = MirrorSenseProcess.Run("batch", manifest, "--out", output);

        // Then the swapped session records that A sat on the right, so each lean towards the partner turns the other way
        Assert.True(run.ExitCode == 0, run.Error);
        JsonElement Proximity(string id) => AnalyzeSessions.Measure(Path.Combine(output, id), "proximity");
        bool SitsLeft(string id) => JsonDocument.Parse(File.ReadAllText(Path.Combine(output, id, "summary.json"))).RootElement
            .GetProperty("settings").GetProperty("proximity").GetProperty("a_sits_left").GetBoolean();
        Assert.True(SitsLeft("plain"));
        Assert.False(SitsLeft("swapped"));
        var (plain, swapped) = (Proximity("plain"), Proximity("swapped"));
        Assert.True(Math.Abs(plain.GetProperty("towards_lean_a").GetDouble()) > 1, plain.ToString());
        Assert.Equal(-plain.GetProperty("towards_lean_a").GetDouble(), swapped.GetProperty("towards_lean_a").GetDouble(), 9);
        Assert.Equal(-plain.GetProperty("towards_lean_b").GetDouble(), swapped.GetProperty("towards_lean_b").GetDouble(), 9);
    }

    [Theory]
    [InlineData("id,audio,vidoe\ns1,a.wav,\n", ":1:3: ", "vidoe")]
    [InlineData("audio\na.wav\n", ":1:1: ", "'id'")]
    [InlineData("id,audio\ns1,a.wav\ns1,b.wav\n", ":3:1: ", "line 2")]
    public void Should_refuse_a_bad_manifest_naming_file_line_and_column_before_running_anything(string text, string location, string expected)
    {
        var manifest = _folder.Write("sessions.csv", text);

        var run = MirrorSenseProcess.Run("batch", manifest, "--out", _folder.Combine("results"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(manifest + location, run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(Directory.Exists(_folder.Combine("results")));
    }

    [Theory]
    [InlineData("--shard", "3/2")]
    [InlineData("--jobs", "0")]
    [InlineData("--landmark-every", "0")]
    public void Should_refuse_a_shard_job_count_or_landmark_model_interval_that_cannot_be(string option, string value)
    {
        var manifest = _folder.Write("sessions.csv", "id,audio\ns1,a.wav\n");

        var run = MirrorSenseProcess.Run("batch", manifest, "--out", _folder.Combine("results"), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
    }
}
