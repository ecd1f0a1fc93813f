using MirrorSense.Testing;
using MirrorSense.Capture.Video;

namespace MirrorSense.Cli.Tests;

/// <summary><c>mirrorsense devices</c> run as a user runs it.</summary>
public sealed class DevicesCommandTests
{
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
