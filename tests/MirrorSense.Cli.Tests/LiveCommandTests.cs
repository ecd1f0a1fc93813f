using MirrorSense.Testing;

namespace MirrorSense.Cli.Tests;

public sealed class LiveCommandTests
{
    [Fact]
    public void Live_without_a_camera_or_microphone_says_what_to_give_and_exits_with_a_usage_error()
    {
        var run = MirrorSenseProcess.Run("live", "--no-browser");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give --camera (or --camera-a/--camera-b) and/or a microphone", run.Error);
    }

    [Fact]
    public void Live_refuses_two_ways_of_naming_microphones_at_once()
    {
        var run = MirrorSenseProcess.Run("live", "--camera", "0", "--mic", "default", "--stereo-mic", "default", "--no-browser");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("one of --mic, --mic-a/--mic-b, or --stereo-mic", run.Error);
    }

    [Theory]
    [InlineData("--camera-a", "0", "--camera-b", "0", "the same camera")]
    [InlineData("--camera-a", "0", "--mic", "default", "go together")]
    [InlineData("--camera", "0", "--camera-a", "1", "either --camera")]
    public void Live_refuses_cameras_per_person_that_cannot_show_both_people(string option, string value, string other, string otherValue, string message)
    {
        var run = MirrorSenseProcess.Run("live", option, value, other, otherValue, "--no-browser");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public void Live_takes_only_an_ip_address_to_listen_on()
    {
        var run = MirrorSenseProcess.Run("live", "--camera", "0", "--bind", "example.org", "--no-browser");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--bind must be an IP address", run.Error);
    }

    [Fact]
    public void Live_help_explains_consent_and_that_everything_stays_local()
    {
        var run = MirrorSenseProcess.Run("live", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("consent screen", run.Output);
        Assert.Contains("127.0.0.1", run.Output);
        Assert.Contains("--raw-media", run.Output);
    }
}
