using System.Globalization;
using System.Text.Json;
using MirrorSense.Fixtures;
using MirrorSense.Testing;
using Xunit.Abstractions;

namespace MirrorSense.EndToEnd.Tests;

/// <summary>
/// Issue 17, practice in a video call: the partner (B) is a window on the trainee's screen and a voice from the
/// computer's speakers. On a screen of the test's own (Xvfb) a window plays B's half of a constructed dyad, and B's
/// voice plays into the default output (a PulseAudio null sink); A is a piped camera and the virtual microphone.
/// <c>live --camera-b screen:X,Y,W,H --mic-b output</c> must read B's posture and B's tone from them.
/// </summary>
public sealed class VideoCallSessionTests(VirtualMicrophone pulse, VirtualDisplay screen, ITestOutputHelper output)
    : IClassFixture<VirtualMicrophone>, IClassFixture<VirtualDisplay>, IDisposable
{
    private const double Seconds = 28;

    private readonly TempFolder _folder = new("mirrorsense-video-call-");

    [SkippableFact]
    public async Task A_window_on_the_screen_and_the_sound_the_computer_plays_give_Bs_posture_and_tone()
    {
        pulse.SkipIfUnavailable();
        screen.SkipIfUnavailable();
        var leanA = ConstructedSession.Lean(51, amplitude: 12);
        var (video, voices) = RiggedDyad.Write(_folder, Seconds, leanA, ConstructedSession.MirroredCopy(leanA, 1.0));

        // Given mirrorsense live in the terminal with A on a piped camera and microphone, B a region of the screen and the computer's output
        using var rig = new LiveRig(pulse, _folder, new LiveRigDevices(CallScreen: screen),
            "--terminal", "--duration", (Seconds - 2).ToString(CultureInfo.InvariantCulture), "--linger", "0");
        Assert.True(await rig.WaitForOutputAsync("Type yes", TimeSpan.FromSeconds(60)), "No consent question in the terminal.\n" + rig.Output);

        // When both agree and the call plays: B's picture in the window, B's voice from the speakers
        rig.Type("yes");
        await Task.Delay(TimeSpan.FromSeconds(1));
        rig.Play(video, voices);

        // Then the session runs to its end with both cameras and both voices recorded
        Assert.True(rig.WaitForExit(TimeSpan.FromSeconds(180)), "mirrorsense live did not end.\n" + rig.Output);
        output.WriteLine(rig.Output.Length > 4000 ? rig.Output[^4000..] : rig.Output);
        Assert.Equal(0, rig.ExitCode);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(rig.Record, "manifest.json"))))
        {
            var inputs = manifest.RootElement.GetProperty("inputs").ToString();
            output.WriteLine($"inputs: {inputs}");
            Assert.Contains(LiveRigDevices.CallRegion, inputs);
        }

        // And B's posture is read from the window in most grid points once the picture runs, and it moves as B leans
        // The picture starts and stops with the window's player, whose start-up a busy machine delays by seconds, so the
        // share counts from B's first reading (plus the tracker's settling) to B's last, not from the session's start.
        var leanB = Feature(Path.Combine(rig.Record, "features.csv"), "B", "lean_sideways");
        var read = leanB.Where(r => double.IsFinite(r.Value)).ToList();
        var (from, to) = read.Count > 0 ? (read[0].Time + 3, read[^1].Time) : (0, 0);
        var running = leanB.Where(r => r.Time >= from && r.Time <= to).ToList();
        var found = running.Where(r => double.IsFinite(r.Value)).Select(r => r.Value).ToList();
        var share = running.Count == 0 ? 0 : (double)found.Count / running.Count;
        output.WriteLine($"B's lean_sideways: {found.Count} of {running.Count} grid points from {from:0.0} to {to:0.0} s ({share:P0}), spread {Spread(found):0.0}°; " +
            $"unread at {Gaps(leanB)}");
        Assert.True(running.Count > 15 * 30 && share > 0.8, $"B's posture was read in {found.Count} of {running.Count} grid points.");
        Assert.InRange(Spread(found), 2, 30);

        // And B's tone comes from the computer's output: voiced frames of B at a voice's pitch, while B speaks and A does not
        var prosody = Prosody(Path.Combine(rig.Record, "prosody.csv"));
        var voicedB = prosody.Where(r => r.Who == "B" && r.Voiced).ToList();
        var voicedA = prosody.Where(r => r.Who == "A" && r.Voiced).ToList();
        var pitchB = Median(voicedB.Select(r => r.F0));
        output.WriteLine($"prosody.csv: {voicedB.Count} voiced frames of B (median f0 {pitchB:0} Hz), {voicedA.Count} of A");
        Assert.True(voicedB.Count > 200, $"only {voicedB.Count} voiced frames of B");
        Assert.InRange(pitchB, 75, 400);
        // The voices take turns, so B's channel voiced at the same moments as A's would mean the output carried A too.
        var overlap = voicedB.Count(b => voicedA.Any(a => Math.Abs(a.Time - b.Time) < 0.005)) / (double)voicedB.Count;
        output.WriteLine($"B voiced while A is voiced: {overlap:P1}");
        Assert.True(voicedA.Count > 200 && overlap < 0.1, $"A {voicedA.Count} voiced frames; overlap {overlap:P1}");

        // And the engine reads posture coordination of the two (B mirrors A one second later)
        var posture = Feature(Path.Combine(rig.Record, "coordination.csv"), null, "posture").Where(r => double.IsFinite(r.Value)).ToList();
        var mean = posture.Select(r => r.Value).DefaultIfEmpty(double.NaN).Average();
        output.WriteLine($"posture index: {posture.Count} readings, mean {mean:0.0}");
        Assert.True(posture.Count > 20, "Too few posture readings.");
        Assert.True(mean > 60, $"posture index {mean:0.0} while B mirrors A through the call");
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Rows of features.csv (time_s,participant,feature,value) or, with no participant, coordination.csv (time_s,measure,value,…).</summary>
    private static List<(double Time, double Value)> Feature(string path, string? who, string name) =>
        [.. File.ReadLines(path).Skip(1).Select(line => line.Split(','))
            .Where(cells => who is null ? cells.Length > 2 && cells[1] == name : cells.Length > 3 && cells[1] == who && cells[2] == name)
            .Select(cells => (Number(cells[0]), Number(who is null ? cells[2] : cells[3])))];

    private static List<(double Time, string Who, double F0, bool Voiced)> Prosody(string path) =>
        [.. File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Where(cells => cells.Length > 4)
            .Select(cells => (Number(cells[0]), cells[1], Number(cells[2]), cells[4] is "1" or "true"))];

    private static double Number(string cell) => double.TryParse(cell, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    /// <summary>The stretches of unread grid points, as "from–to s" (for the log when the share falls short).</summary>
    private static string Gaps(List<(double Time, double Value)> rows)
    {
        var gaps = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (double.IsFinite(rows[i].Value))
                continue;
            var start = i;
            while (i + 1 < rows.Count && !double.IsFinite(rows[i + 1].Value))
                i++;
            gaps.Add(FormattableString.Invariant($"{rows[start].Time:0.00}–{rows[i].Time:0.00} s"));
        }

        return gaps.Count == 0 ? "none" : string.Join(", ", gaps);
    }

    private static double Spread(List<double> values)
    {
        if (values.Count < 2)
            return double.NaN;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }
}
