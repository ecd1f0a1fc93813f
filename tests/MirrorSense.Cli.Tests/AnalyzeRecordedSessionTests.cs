using System.Globalization;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MirrorSense.Capture;
using MirrorSense.Capture.Recording;
using MirrorSense.Core;
using MirrorSense.Fixtures;
using MirrorSense.Sessions.Pose;
using MirrorSense.Sessions.Recording;
using MirrorSense.Synchrony.Features;
using MirrorSense.Testing;

namespace MirrorSense.Cli.Tests;

/// <summary>
/// Real landmarks and voices for recorded sessions, made once: <c>mirrorsense pose</c> on a constructed 30 s dyad (posture needs a 20 s window and 5 s of lag),
/// and <c>mirrorsense prosody</c> on each channel of espeak-ng turns.
/// </summary>
public sealed class RecordedSessionInputs : IDisposable
{
    public const double Seconds = 30;

    private readonly TempFolder _folder = new("mirrorsense-recorded-inputs-");
    private readonly Lazy<(IReadOnlyList<PoseFrame> Poses, string Voices, IReadOnlyList<ProsodyFrame> A, IReadOnlyList<ProsodyFrame> B)> _inputs;

    public RecordedSessionInputs() => _inputs = new(Make);

    public IReadOnlyList<PoseFrame> Poses => _inputs.Value.Poses;

    /// <summary>Stereo voices, A left and B right.</summary>
    public string Voices => _inputs.Value.Voices;

    public IReadOnlyList<ProsodyFrame> VoiceA => _inputs.Value.A;

    public IReadOnlyList<ProsodyFrame> VoiceB => _inputs.Value.B;

    public void Dispose() => _folder.Dispose();

    private (IReadOnlyList<PoseFrame>, string, IReadOnlyList<ProsodyFrame>, IReadOnlyList<ProsodyFrame>) Make()
    {
        var video = PoseVideos.ConstructedDyad(_folder.Combine("dyad.avi"), Seconds);
        var pose = MirrorSenseProcess.Run("pose", video, "--out", _folder.Combine("pose.csv"));
        Assert.True(pose.ExitCode == 0, pose.Error);
        var voices = _folder.Combine("voices.wav");
        ConstructedSession.WriteVoices(voices, Seconds, AnalyzeSessions.Turns(bPitch: _ => 80, bSpeed: _ => 160));
        return ([.. PoseCsvReader.Read(_folder.Combine("pose.csv"))], voices, Frames(voices, "left"), Frames(voices, "right"));
    }

    private List<ProsodyFrame> Frames(string voices, string channel)
    {
        var path = _folder.Combine(channel + ".prosody.csv");
        var run = MirrorSenseProcess.Run("prosody", voices, "--channel", channel, "--out", path);
        Assert.True(run.ExitCode == 0, run.Error);
        return [.. File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(c => new ProsodyFrame(
            MediaTime.FromSeconds(Number(c[0])), c[3] == "1" ? Number(c[1]) : double.NaN, Number(c[2])))];
    }

    private static double Number(string cell) => cell.Length == 0 ? double.NaN : double.Parse(cell, CultureInfo.InvariantCulture);
}

/// <summary><c>mirrorsense analyze --session</c> on folders written by the session recorder from real landmarks and voices.</summary>
public sealed class AnalyzeRecordedSessionTests(RecordedSessionInputs inputs) : IClassFixture<RecordedSessionInputs>, IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-recorded-session-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_session_killed_mid_row_analyses_from_its_whole_rows_with_warnings_and_no_invented_tempo()
    {
        // Given a recording abandoned without a stop (as kill -9 leaves it), copied as it is on disk, with half a row appended to its tables
        var live = _folder.Combine("live");
        var recorder = Record(live, []);
        var killed = _folder.Combine("killed");
        Directory.CreateDirectory(killed);
        foreach (var file in Directory.GetFiles(live))
            File.Copy(file, Path.Combine(killed, Path.GetFileName(file)));
        recorder.Dispose();
        File.AppendAllText(Path.Combine(killed, "pose.csv"), "23.9,A,left_sho");
        File.AppendAllText(Path.Combine(killed, "prosody.csv"), "23.95,B,11");

        // When it is analysed with no --out
        var run = MirrorSenseProcess.Run("analyze", "--session", killed);

        // Then it succeeds into DIR/analysis, saying the recording was cut short and which rows were skipped
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("was cut short", run.Error);
        Assert.Contains("pose.csv': the last row was cut off", run.Error);
        Assert.Contains("prosody.csv': the last row was cut off", run.Error);
        var output = Path.Combine(killed, "analysis");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        Assert.True(root.GetProperty("measures").TryGetProperty("posture_mirroring", out _), root.ToString());
        // Without the audio there are no syllables: tempo is missing with the reason, not computed from zeros.
        Assert.Contains("no speech rate", root.GetProperty("missing").GetProperty("tempo").GetString());
        Assert.Contains("tempo needs syllable rates", run.Error);
        Assert.InRange(root.GetProperty("analysed_s").GetDouble(), RecordedSessionInputs.Seconds - 3, RecordedSessionInputs.Seconds);
        Assert.Equal("time_s,participant,landmark,x,y,z,visibility", File.ReadLines(Path.Combine(output, "pose.csv")).First());
    }

    [Fact]
    public void A_session_recorded_with_raw_media_takes_its_voices_from_the_WAVs_and_measures_tempo()
    {
        // Given a cleanly stopped recording that kept both microphones
        var folder = _folder.Combine("raw");
        using (var recorder = Record(folder, [RawMediaFile.Microphone(Participant.A), RawMediaFile.Microphone(Participant.B)]))
        {
            foreach (var participant in (Participant[])[Participant.A, Participant.B])
            {
                using var source = DyadAudio.FromStereoFile(inputs.Voices).Open(participant);
                using var wav = new MicrophoneRecording(Path.Combine(folder, RawMediaFile.Microphone(participant).File), source.Format, _clock);
                foreach (var block in source.ReadBlocks(TimeSpan.FromSeconds(0.1)))
                    wav.Write(block);
            }

            recorder.Complete();
        }

        // When it is analysed into a folder of our choosing
        var output = _folder.Combine("raw-analysis");
        var run = MirrorSenseProcess.Run("analyze", "--session", folder, "--out", output);

        // Then the voices come from the WAVs, and tempo is measured
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("cut short", run.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.EndsWith("voice_a.wav", summary.RootElement.GetProperty("inputs").GetProperty("audio_a").GetString());
        Assert.True(summary.RootElement.GetProperty("measures").TryGetProperty("tempo", out _), summary.RootElement.ToString());
    }

    [Fact]
    public void A_session_recorded_with_pixel_motion_times_gesture_synchrony_by_it_and_keeps_it_in_features_csv()
    {
        // Given one recording with the live pixel motion (B moving one second after A, a stretch of A's unmeasured),
        // and the same landmarks recorded without it
        var withPixels = _folder.Combine("pixels");
        Record(withPixels, [], RecordedPixels).Dispose();
        var landmarksOnly = _folder.Combine("landmarks");
        Record(landmarksOnly, []).Dispose();
        var settings = _folder.Write("settings.json", ShortGestureWindows);

        // When both are analysed
        var run = MirrorSenseProcess.Run("analyze", "--session", withPixels, "--config", settings, "--no-audio");
        var fallback = MirrorSenseProcess.Run("analyze", "--session", landmarksOnly, "--config", settings, "--no-audio");

        // Then the features carry the recorded values at their grid times, missing where they were missing
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(fallback.ExitCode == 0, fallback.Error);
        var written = PixelMotionRows(Path.Combine(withPixels, "analysis", "features.csv"));
        foreach (var index in (long[])[0, 45, 299, 450, 880])
        {
            var (a, b) = RecordedPixels(index);
            Assert.Equal((Cell(a), Cell(b)), (written[(GridTime(index), "A")], written[(GridTime(index), "B")]));
        }

        Assert.Equal("", written[(GridTime(UnmeasuredFrom), "A")]);

        // And gesture synchrony follows them: B one second behind A, a value unlike the landmark-motion fallback's, and said so
        var gesture = AnalyzeSessions.Measure(Path.Combine(withPixels, "analysis"), "gesture_synchrony");
        Assert.Equal(1.0, gesture.GetProperty("best_lag_s").GetDouble(), 1);
        Assert.Equal("A", gesture.GetProperty("leader").GetString());
        Assert.NotEqual(AnalyzeSessions.Measure(Path.Combine(landmarksOnly, "analysis"), "gesture_synchrony").GetProperty("value").GetDouble(), gesture.GetProperty("value").GetDouble(), 3);
        Assert.Contains("gesture synchrony: from the pixel motion recorded live", run.Error);
        Assert.DoesNotContain("was not measured", run.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(withPixels, "analysis", "summary.json")));
        Assert.EndsWith("features.csv", summary.RootElement.GetProperty("inputs").GetProperty("pixel_motion").GetString());
    }

    [Fact]
    public void The_pixel_motion_written_for_rMEA_reads_back_bit_for_bit_and_mirrorsense_sync_on_it_gives_the_gesture_synchrony()
    {
        // Given a recording with the live pixel motion (a stretch of A's unmeasured), analysed with gesture windows that fit it
        var folder = _folder.Combine("mea");
        Record(folder, [], RecordedPixels).Dispose();
        var run = MirrorSenseProcess.Run("analyze", "--session", folder, "--config", _folder.Write("settings.json", ShortGestureWindows), "--no-audio");
        Assert.True(run.ExitCode == 0, run.Error);
        var output = Path.Combine(folder, "analysis");

        // When session_MEA.txt is read as rMEA's readMEA(skip = 1) reads it: header skipped, two whitespace-separated columns, NA missing
        var mea = File.ReadLines(Path.Combine(output, "session_MEA.txt")).Skip(1)
            .Select(line => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(cells => (A: MeaNumber(cells[0]), B: MeaNumber(cells[1]), Columns: cells.Length))
            .ToList();

        // Then it holds one row per grid point of features.csv, each person's pixel_motion there bit for bit
        var features = PixelMotionRows(Path.Combine(output, "features.csv"));
        var times = features.Keys.Select(k => k.Time).Distinct().ToList();
        Assert.Equal(times.Count, mea.Count);
        Assert.All(mea, row => Assert.Equal(2, row.Columns));
        Assert.Equal(times.Select(t => Bits(features[(t, "A")])), mea.Select(row => BitConverter.DoubleToInt64Bits(row.A)));
        Assert.Equal(times.Select(t => Bits(features[(t, "B")])), mea.Select(row => BitConverter.DoubleToInt64Bits(row.B)));
        Assert.True(double.IsNaN(mea[(int)UnmeasuredFrom].A));

        // And sync on it at the grid's rate with gesture synchrony's lag, window and step (no smoothing or scaling, as
        // gesture synchrony does neither; absolute Fisher z, both defaults) gives its window x lag matrix cell for cell,
        // its per-window values and lags, and its session value
        var synced = _folder.Combine("mea-sync");
        var sync = MirrorSenseProcess.Run("sync", Path.Combine(output, "session_MEA.txt"), "--fps", "30", "--lag", "2", "--win", "10", "--inc", "5", "--out", synced);
        Assert.True(sync.ExitCode == 0, sync.Error);
        Assert.Equal(Cells(Path.Combine(output, "gesture_synchrony.ccf.csv")), Cells(Path.Combine(synced, "session_MEA.ccf.csv")));
        var gestureWindows = File.ReadLines(Path.Combine(output, "synchrony.csv")).Skip(1).Select(line => line.Split(',')).Where(c => c[0] == "gesture_synchrony").ToList();
        var syncWindows = File.ReadLines(Path.Combine(synced, "session_MEA.windows.csv")).Skip(1).Select(line => line.Split(',')).ToList();
        Assert.True(gestureWindows.Count >= 4, $"{gestureWindows.Count} gesture windows");
        Assert.Equal(gestureWindows.Select(c => (c[3], c[4])), syncWindows.Select(c => (c[4], c[7])));
        var grandMean = File.ReadLines(Path.Combine(synced, "summary.csv")).Skip(1).Single().Split(',')[2];
        Assert.Equal(AnalyzeSessions.Measure(output, "gesture_synchrony").GetProperty("value").GetDouble(), double.Parse(grandMean, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_session_recorded_with_one_camera_per_person_follows_each_person_in_their_own_frames()
    {
        // Given the same landmarks recorded from one camera showing both and from one camera per person (B's frames half a frame after A's)
        var shared = _folder.Combine("shared");
        Record(shared, []).Dispose();
        var perPerson = _folder.Combine("per-person");
        Record(perPerson, [], cameraPerPerson: true).Dispose();

        // When both are analysed
        var one = MirrorSenseProcess.Run("analyze", "--session", shared, "--no-audio");
        var two = MirrorSenseProcess.Run("analyze", "--session", perPerson, "--no-audio");

        // Then each person's movement is followed across their own frames, as with one camera (not lost at every frame of the other camera)
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(two.ExitCode == 0, two.Error);
        foreach (var who in (string[])["A", "B"])
        {
            var measured = MeasuredShare(Path.Combine(perPerson, "analysis", "features.csv"), "motion_body", who);
            Assert.True(measured > 0.9 * MeasuredShare(Path.Combine(shared, "analysis", "features.csv"), "motion_body", who), $"{who}'s motion measured at {measured:P0} of grid points");
        }

        // And posture mirroring reads the same within what half a frame of B can change
        Assert.Equal(AnalyzeSessions.Measure(Path.Combine(shared, "analysis"), "posture_mirroring").GetProperty("value").GetDouble(),
            AnalyzeSessions.Measure(Path.Combine(perPerson, "analysis"), "posture_mirroring").GetProperty("value").GetDouble(), 1);
    }

    [Fact]
    public void A_session_is_never_analysed_into_its_own_folder_so_its_recorded_tables_stay_as_recorded()
    {
        // Given a recording with live pixel motion
        var folder = _folder.Combine("pixels");
        Record(folder, [], RecordedPixels).Dispose();
        var recorded = File.ReadAllText(Path.Combine(folder, "features.csv"));

        // When it is analysed with --out naming the session folder itself
        var run = MirrorSenseProcess.Run("analyze", "--session", folder, "--out", folder + Path.DirectorySeparatorChar, "--no-audio");

        // Then it is refused as a usage error, saying where the analysis would go, and the recording is untouched
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the analysis would overwrite the recording's own tables", run.Error);
        Assert.Equal(recorded, File.ReadAllText(Path.Combine(folder, "features.csv")));
    }

    [Fact]
    public void A_session_recorded_without_pixel_motion_analyses_with_gesture_from_landmark_motion_and_says_so()
    {
        var folder = _folder.Combine("no-pixels");
        Record(folder, []).Dispose();

        var run = MirrorSenseProcess.Run("analyze", "--session", folder, "--config", _folder.Write("settings.json", ShortGestureWindows), "--no-audio");

        Assert.True(run.ExitCode == 0, run.Error);
        var output = Path.Combine(folder, "analysis");
        Assert.True(AnalyzeSessions.Measure(output, "gesture_synchrony").TryGetProperty("value", out _));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var warnings = summary.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Contains(warnings, w => w!.Contains("'pixel_motion' was not measured", StringComparison.Ordinal) && w.Contains("using motion_body", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w!.Contains("recorded live", StringComparison.Ordinal));
        Assert.False(summary.RootElement.GetProperty("inputs").TryGetProperty("pixel_motion", out _));
        Assert.Empty(PixelMotionRows(Path.Combine(output, "features.csv")));
    }

    [Fact]
    public void A_folder_without_a_manifest_is_refused_naming_the_file()
    {
        var folder = _folder.Combine("plain");
        Directory.CreateDirectory(folder);

        var run = MirrorSenseProcess.Run("analyze", "--session", folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("manifest.json", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    /// <summary>Gesture windows that fit the 30 s session several times over.</summary>
    private const string ShortGestureWindows = """{ "gesture": { "lag_seconds": 2, "window_seconds": 10, "increment_seconds": 5 } }""";

    /// <summary>Ten grid points from here (15.03 s) have no pixel motion of A, as when the camera lost sight of A.</summary>
    private const long UnmeasuredFrom = 451;

    /// <summary>Seeded noise smoothed over a fifth of a second: bursts like movement's, which resemble themselves at no other shift, so B's one-second lag is the only one to find.</summary>
    private static readonly double[] Movement = MakeMovement();

    /// <summary>
    /// Live pixel motion at grid point <paramref name="index"/>: A's irregular bursts, which B makes one second (30 points)
    /// later; A's missing from <see cref="UnmeasuredFrom"/> on for a third of a second.
    /// </summary>
    private static (double A, double B) RecordedPixels(long index)
    {
        static double Bursts(long i) => i < 0 ? 0 : Movement[i];
        return (index is >= UnmeasuredFrom and < UnmeasuredFrom + 10 ? double.NaN : Bursts(index), Bursts(index - 30));
    }

    private static double[] MakeMovement()
    {
        var random = new Random(7);
        double[] raw = [.. Enumerable.Range(0, 1000).Select(_ => random.NextDouble())];
        return [.. raw.Select((_, i) => Math.Round(2000 * raw.Skip(i).Take(6).Average()))];
    }

    /// <summary>features.csv's pixel_motion cells by (time_s, participant), as written.</summary>
    private static Dictionary<(string Time, string Participant), string> PixelMotionRows(string path) =>
        File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Where(c => c[2] == "pixel_motion").ToDictionary(c => (c[0], c[1]), c => c[3]);

    /// <summary>The share of grid points with a value of <paramref name="feature"/> for <paramref name="participant"/>.</summary>
    private static double MeasuredShare(string path, string feature, string participant)
    {
        var cells = File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Where(c => c[2] == feature && c[1] == participant).ToList();
        return cells.Count(c => c[3] != "") / (double)cells.Count;
    }

    /// <summary>A cell of session_MEA.txt as R reads it.</summary>
    private static double MeaNumber(string cell) => cell == "NA" ? double.NaN : double.Parse(cell, CultureInfo.InvariantCulture);

    /// <summary>A features.csv cell's double, as bits (an empty cell is NaN).</summary>
    private static long Bits(string cell) => BitConverter.DoubleToInt64Bits(cell.Length == 0 ? double.NaN : double.Parse(cell, CultureInfo.InvariantCulture));

    /// <summary>A window x lag matrix's numbers, without its header and row labels (which each command words its own way).</summary>
    private static List<string[]> Cells(string path) => [.. File.ReadLines(path).Skip(1).Select(line => line.Split(',')[1..])];

    /// <summary>A grid point's time as features.csv writes it.</summary>
    private static string GridTime(long index) => MediaTime.OfSample(index, 30).Seconds.ToString("0.000000", CultureInfo.InvariantCulture);

    private static string Cell(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The recorder fed as a live session feeds it: landmarks, features on the grid and both voices, in media-time order, one clock tick per frame.</summary>
    /// <param name="pixels">Pixel motion to record beside the landmark features at each grid point, as the live camera measures it; null: none.</param>
    /// <param name="cameraPerPerson">Record as two cameras would: each person's skeleton in a frame of its own, B's half a frame after A's.</param>
    private SessionRecorder Record(string folder, IReadOnlyList<RawMediaFile> rawMedia, Func<long, (double A, double B)>? pixels = null, bool cameraPerPerson = false)
    {
        var cameras = cameraPerPerson
            ? new Dictionary<string, string> { [RecordingManifest.CameraRole(Participant.A)] = "A's half", [RecordingManifest.CameraRole(Participant.B)] = "B's half" }
            : new Dictionary<string, string> { [RecordingManifest.CameraRole(null)] = "constructed dyad" };
        var manifest = new RecordingManifest("test", _clock.GetUtcNow(), cameras,
            new Dictionary<string, string>(), MediaTime.Zero, pixels is null ? BodyFeatures.Names : [.. BodyFeatures.Names, "pixel_motion"]) { RawMedia = rawMedia };
        var recorder = SessionRecorder.Open(folder, manifest, _clock);
        using var poses = new Subject<PoseFrame>();
        var grid = poses.ToBodyFeatureGrid(grid: new FeatureGridOptions(Origin: MediaTime.Zero));
        using var features = (pixels is null ? grid : grid.Select(s => s.Then(new FeatureSchema([BodyFeatures.PixelMotion]), [pixels(s.Index).A], [pixels(s.Index).B]))).Subscribe(recorder.Write);
        var voice = 0;
        var voices = inputs.VoiceA.Select(f => (Participant.A, f)).Concat(inputs.VoiceB.Select(f => (Participant.B, f))).OrderBy(v => v.f.Time).ToList();
        foreach (var pose in inputs.Poses)
        {
            if (!cameraPerPerson)
            {
                recorder.Write(pose);
            }
            else
            {
                foreach (var (person, delay) in pose.People.Select(p => (p, p.Participant == Participant.A ? 0 : 1 / 60.0)))
                    recorder.Write(new PoseFrame(pose.Time + TimeSpan.FromSeconds(delay), [person]));
            }

            poses.OnNext(pose);
            for (; voice < voices.Count && voices[voice].f.Time <= pose.Time; voice++)
                recorder.Write(voices[voice].Item1, voices[voice].f);
            _clock.Advance(TimeSpan.FromSeconds(1 / 30.0));
        }

        return recorder;
    }
}
