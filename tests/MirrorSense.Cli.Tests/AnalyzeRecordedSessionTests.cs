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
using MirrorSense.Synchrony.Coordination;
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
    private readonly Lazy<(IReadOnlyList<PoseFrame> Poses, string Voices, IReadOnlyList<VoiceFrame> A, IReadOnlyList<VoiceFrame> B)> _inputs;

    public RecordedSessionInputs() => _inputs = new(Make);

    public IReadOnlyList<PoseFrame> Poses => _inputs.Value.Poses;

    /// <summary>Stereo voices, A left and B right.</summary>
    public string Voices => _inputs.Value.Voices;

    public IReadOnlyList<VoiceFrame> VoiceA => _inputs.Value.A;

    public IReadOnlyList<VoiceFrame> VoiceB => _inputs.Value.B;

    public void Dispose() => _folder.Dispose();

    private (IReadOnlyList<PoseFrame>, string, IReadOnlyList<VoiceFrame>, IReadOnlyList<VoiceFrame>) Make()
    {
        var video = PoseVideos.ConstructedDyad(_folder.Combine("dyad.avi"), Seconds);
        var pose = MirrorSenseProcess.Run("pose", video, "--out", _folder.Combine("pose.csv"));
        Assert.True(pose.ExitCode == 0, pose.Error);
        var voices = _folder.Combine("voices.wav");
        ConstructedSession.WriteVoices(voices, Seconds, AnalyzeSessions.Turns(bPitch: _ => 80, bSpeed: _ => 160));
        return ([.. PoseCsvReader.Read(_folder.Combine("pose.csv"))], voices, Frames(voices, "left"), Frames(voices, "right"));
    }

    private List<VoiceFrame> Frames(string voices, string channel)
    {
        var path = _folder.Combine(channel + ".prosody.csv");
        var run = MirrorSenseProcess.Run("prosody", voices, "--channel", channel, "--out", path);
        Assert.True(run.ExitCode == 0, run.Error);
        return [.. File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(c => new VoiceFrame(
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
    public void A_folder_without_a_manifest_is_refused_naming_the_file()
    {
        var folder = _folder.Combine("plain");
        Directory.CreateDirectory(folder);

        var run = MirrorSenseProcess.Run("analyze", "--session", folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("manifest.json", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    /// <summary>The recorder fed as a live session feeds it: landmarks, features on the grid and both voices, in media-time order, one clock tick per frame.</summary>
    private SessionRecorder Record(string folder, IReadOnlyList<RawMediaFile> rawMedia)
    {
        var manifest = new RecordingManifest("test", _clock.GetUtcNow(), new Dictionary<string, string> { ["camera"] = "constructed dyad" },
            new Dictionary<string, string>(), MediaTime.Zero, BodyFeatures.Names) { RawMedia = rawMedia };
        var recorder = SessionRecorder.Open(folder, manifest, _clock);
        using var poses = new Subject<PoseFrame>();
        using var features = poses.ToBodyFeatureGrid(grid: new FeatureGridOptions(Origin: MediaTime.Zero)).Subscribe(recorder.Write);
        var voice = 0;
        var voices = inputs.VoiceA.Select(f => (Participant.A, f)).Concat(inputs.VoiceB.Select(f => (Participant.B, f))).OrderBy(v => v.f.Time).ToList();
        foreach (var pose in inputs.Poses)
        {
            recorder.Write(pose);
            poses.OnNext(pose);
            for (; voice < voices.Count && voices[voice].f.Time <= pose.Time; voice++)
                recorder.Write(voices[voice].Item1, voices[voice].f);
            _clock.Advance(TimeSpan.FromSeconds(1 / 30.0));
        }

        return recorder;
    }
}
