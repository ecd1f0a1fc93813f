using MirrorSense.Testing;
using MirrorSense.Capture.Video;

namespace MirrorSense.Cli.Tests;

/// <summary><c>mirrorsense devices</c> run as a user runs it.</summary>
public sealed class DevicesCommandTests(VirtualMicrophone pulse) : IClassFixture<VirtualMicrophone>
{
    [SkippableFact]
    public void Should_mark_monitors_as_what_the_computer_plays_and_offer_output_for_the_default_one()
    {
        // Given the test's PulseAudio daemon, whose null sink is the default output
        pulse.SkipIfUnavailable();

        // When devices runs against it
        var outcome = MirrorSenseProcess.RunWith(new Dictionary<string, string?> { ["PULSE_SERVER"] = pulse.Server }, "devices");

        // Then the sink's monitor is marked as what the computer plays, and "output" names it
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var lines = outcome.Output.Split('\n');
        Assert.Contains(lines, l => l.TrimStart().StartsWith(VirtualMicrophone.Sink + ".monitor", StringComparison.Ordinal) && l.Contains("what the computer plays", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("output ", StringComparison.Ordinal) && l.Contains($"now {VirtualMicrophone.Sink}.monitor", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_list_the_cameras_sysfs_knows_or_say_none_were_found()
    {
        // Given this machine's cameras as the V4L2 listing reads them (none on a CI machine)
        var cameras = CameraDevices.Find();

        // When devices runs
        var outcome = MirrorSenseProcess.Run("devices");

        // Then there is a camera section after the microphones, with every camera or a "no cameras found" line
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var heading = Array.FindIndex(lines, l => l.StartsWith("Cameras", StringComparison.Ordinal));
        Assert.True(heading > Array.FindIndex(lines, l => l.StartsWith("Microphones", StringComparison.Ordinal)), outcome.Output);
        var section = lines.Skip(heading + 1).ToList();
        if (cameras.Count == 0)
            Assert.StartsWith("  (no cameras found: ", Assert.Single(section));
        else
            Assert.All(cameras, c => Assert.Contains(section, l => l.Contains(c.Device, StringComparison.Ordinal) && l.Contains(c.Name, StringComparison.Ordinal)));
    }
}
