using System.Globalization;
using System.Text.Json;
using MirrorSense.Fixtures;
using MirrorSense.Testing;
using Xunit.Abstractions;

namespace MirrorSense.EndToEnd.Tests;

/// <summary>
/// Issue 6 with one camera and one microphone per person, in the terminal view: the two cameras' people are put back
/// together (B mirroring A reads as mirroring), and when B's camera stream ends and then the sound server dies, each
/// loss is shown, what is left goes on, and the recording keeps everything captured before.
/// </summary>
public sealed class CameraPerPersonSessionTests(VirtualMicrophone pulse, ITestOutputHelper output) : IClassFixture<VirtualMicrophone>, IDisposable
{
    private const double Seconds = 48;
    private const double CameraBEnds = 30;
    private const double SoundServerDies = 37;

    private readonly TempFolder _folder = new("mirrorsense-live-two-cameras-");

    [SkippableFact]
    public async Task Two_cameras_and_two_microphones_in_the_terminal_read_mirroring_and_survive_losing_a_camera_and_the_microphones()
    {
        pulse.SkipIfUnavailable();
        var leanA = ConstructedSession.Lean(41, amplitude: 12);
        var (video, voices) = RiggedDyad.Write(_folder, Seconds, leanA, ConstructedSession.MirroredCopy(leanA, 1.0));

        // Given mirrorsense live in the terminal view with a camera and a microphone per person
        using var rig = new LiveRig(pulse, _folder, new LiveRigDevices(CameraPerPerson: true, MicrophonePerPerson: true),
            "--terminal", "--duration", (Seconds - 2).ToString(CultureInfo.InvariantCulture), "--linger", "0");
        Assert.True(await rig.WaitForOutputAsync("Type yes", TimeSpan.FromSeconds(60)), "No consent question in the terminal.\n" + rig.Output);

        // When both agree, B's camera ends part-way and later the sound server dies
        rig.Type("yes");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var clock = rig.Play(video, voices, cameraBSeconds: CameraBEnds);
        await Task.Delay(TimeSpan.FromSeconds(SoundServerDies));
        pulse.Kill();
        output.WriteLine($"sound server killed {clock.Elapsed.TotalSeconds:0.0} s after the feed started");

        // Then the session runs to its end and says what was lost
        Assert.True(rig.WaitForExit(TimeSpan.FromSeconds(180)), "mirrorsense live did not end.\n" + rig.Output);
        output.WriteLine(rig.Output.Length > 6000 ? rig.Output[^6000..] : rig.Output);
        // The table wraps long lines at the terminal's width.
        var terminal = System.Text.RegularExpressions.Regex.Replace(rig.Output, @"\s+", " ");
        Assert.Equal(0, rig.ExitCode);
        Assert.Contains("MirrorSense live", terminal);
        Assert.Contains("stream ended", terminal);
        Assert.Contains("test_mic_a: the microphone stopped delivering audio", terminal);

        // And the recording holds both people while both cameras ran, A after B's camera ended, and the voices until the server died
        var record = rig.Record;
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(record, "manifest.json"))))
        {
            var inputs = manifest.RootElement.GetProperty("inputs");
            Assert.True(inputs.TryGetProperty("camera_a", out _) && inputs.TryGetProperty("camera_b", out _), inputs.ToString());
            Assert.True(manifest.RootElement.GetProperty("complete").GetBoolean());
        }

        var poses = Rows(Path.Combine(record, "pose.csv"));
        var lastA = poses.Where(r => r.Who == "A").Max(r => r.Time);
        var lastB = poses.Where(r => r.Who == "B").Max(r => r.Time);
        output.WriteLine($"pose.csv: A to {lastA:0.0} s, B to {lastB:0.0} s");
        Assert.InRange(lastB, CameraBEnds - 3, CameraBEnds + 3);
        Assert.True(lastA > CameraBEnds + 8, $"A's camera stopped being recorded at {lastA:0.0} s although only B's ended.");
        var prosody = Rows(Path.Combine(record, "prosody.csv"));
        var lastVoice = prosody.Max(r => r.Time);
        output.WriteLine($"prosody.csv: {prosody.Count(r => r.Who == "A")} frames of A, {prosody.Count(r => r.Who == "B")} of B, to {lastVoice:0.0} s");
        Assert.True(prosody.Any(r => r.Who == "A") && prosody.Any(r => r.Who == "B"));
        Assert.True(lastVoice < lastA - 3, $"Voices were recorded to {lastVoice:0.0} s, past the sound server's death; A's camera to {lastA:0.0} s.");

        // And posture read as mirroring while both cameras ran (B copies A one second later throughout)
        var readings = Coordination(Path.Combine(record, "coordination.csv"), "posture");
        // Judged once the surrogate baseline has filled (early readings rank against few surrogates and swing widely).
        var together = readings.Where(r => r.Time > lastB - 11 && r.Time < lastB - 1 && double.IsFinite(r.Value)).Select(r => r.Value).ToList();
        // A reading needs both people in half its 10 s window: a few seconds after B's camera ended there are none.
        var alone = readings.Where(r => r.Time > lastB + 7 && double.IsFinite(r.Value)).ToList();
        output.WriteLine($"posture index with both cameras: mean {together.DefaultIfEmpty(double.NaN).Average():0.0} ({together.Count} readings); after B's camera ended: {alone.Count} readings with a value");
        Assert.True(together.Count > 20, "Too few posture readings while both cameras ran.");
        Assert.True(together.Average() > 65, $"posture index {together.Average():0.0} while B mirrors A on two cameras");
        Assert.Empty(alone);

        // And the recorded folder re-analyses
        var analysis = _folder.Combine("analysis");
        var run = MirrorSenseProcess.Run("analyze", "--session", record, "--out", analysis);
        output.WriteLine(run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("gesture synchrony: from the pixel motion recorded live", run.Error);
        Assert.True(File.Exists(Path.Combine(analysis, "report.html")), run.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(analysis, "summary.json")));
        var posture = summary.RootElement.GetProperty("measures").GetProperty("posture_mirroring");
        output.WriteLine($"re-analysis: posture mirroring {posture}");
        Assert.Equal("A", posture.GetProperty("leader").GetString());
    }

    public void Dispose() => _folder.Dispose();

    private static List<(double Time, string Who)> Rows(string path) =>
        [.. File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Where(cells => cells.Length > 1)
            .Select(cells => (double.Parse(cells[0], CultureInfo.InvariantCulture), cells[1]))];

    private static List<(double Time, double Value)> Coordination(string path, string measure) =>
        [.. File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Where(cells => cells.Length > 2 && cells[1] == measure)
            .Select(cells => (double.Parse(cells[0], CultureInfo.InvariantCulture), double.TryParse(cells[2], CultureInfo.InvariantCulture, out var v) ? v : double.NaN))];
}
