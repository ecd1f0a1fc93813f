using System.Globalization;
using System.Text.Json;
using MirrorSense.Fixtures;
using MirrorSense.Testing;
using Xunit.Abstractions;

namespace MirrorSense.EndToEnd.Tests;

/// <summary>Issue 6: <c>kill -9</c> while recording loses at most the last second, and the folder re-analyses.</summary>
public sealed class KilledSessionTests(VirtualMicrophone pulse, ITestOutputHelper output) : IClassFixture<VirtualMicrophone>, IDisposable
{
    private const double Seconds = 30;

    private readonly TempFolder _folder = new("mirrorsense-live-kill-");

    [SkippableFact]
    public async Task A_session_killed_with_sigkill_keeps_all_but_its_last_second_and_analyses()
    {
        pulse.SkipIfUnavailable();
        var (video, voices) = RiggedDyad.Write(_folder, Seconds, ConstructedSession.Lean(31), ConstructedSession.Lean(32));
        using var rig = new LiveRig(pulse, _folder, "--linger", "0");
        await rig.Address.WaitAsync(TimeSpan.FromSeconds(60));
        await rig.ConsentAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var clock = rig.Play(video, voices);

        // When mirrorsense is killed with SIGKILL 20 s into the session
        await Task.Delay(TimeSpan.FromSeconds(20));
        var killedAt = clock.Elapsed.TotalSeconds;
        rig.KillHard();

        // Then the tables reach to within a second or so of the kill (the pose stage's own delay included)
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(rig.Record, "manifest.json"))))
            Assert.False(manifest.RootElement.GetProperty("complete").GetBoolean());
        var lastPose = LastTime(Path.Combine(rig.Record, "pose.csv"));
        var lastProsody = LastTime(Path.Combine(rig.Record, "prosody.csv"));
        var lastUpdate = LastTime(Path.Combine(rig.Record, "coordination.csv"));
        output.WriteLine($"killed {killedAt:0.00} s after the feed started; last rows: pose {lastPose:0.00} s, prosody {lastProsody:0.00} s, coordination {lastUpdate:0.00} s (session clock)");
        var newest = new[] { lastPose, lastProsody, lastUpdate }.Max();
        Assert.True(lastPose > newest - 1.5 && lastProsody > newest - 1.5 && lastUpdate > newest - 1.5,
            $"A table fell more than a second behind the others: pose {lastPose}, prosody {lastProsody}, coordination {lastUpdate}.");
        Assert.True(newest > 15, $"The recording ends at {newest:0.0} s of a session killed after {killedAt:0.0} s.");

        // And the folder is analysed as a session cut short
        var analysis = Path.Combine(_folder.Combine("analysis"));
        var run = MirrorSenseProcess.Run("analyze", "--session", rig.Record, "--out", analysis);
        output.WriteLine(run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("cut short", run.Output + run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(Path.Combine(analysis, "summary.json")));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The time of the last whole row (a row torn by the kill is not counted).</summary>
    private static double LastTime(string path)
    {
        var text = File.ReadAllText(path);
        var end = text.LastIndexOf('\n');
        var start = text.LastIndexOf('\n', end - 1) + 1;
        return double.Parse(text[start..end].Split(',')[0], CultureInfo.InvariantCulture);
    }
}
