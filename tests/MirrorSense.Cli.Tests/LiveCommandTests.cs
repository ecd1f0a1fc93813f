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

    [Theory]
    [InlineData("--camera-a", "0", "--camera-b", "1")]
    [InlineData("--mic", "default")]
    public void Live_refuses_faces_without_one_camera_showing_both_people(params string[] devices)
    {
        var run = MirrorSenseProcess.Run(["live", .. devices, "--face", "--no-browser"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--face needs --camera (one camera showing both people)", run.Error);
    }

    [Theory]
    [InlineData("--camera-b", "screen:0,0,640")]
    [InlineData("--camera", "screen:window=")]
    public void Live_refuses_a_malformed_screen_camera_naming_it(string option, string device)
    {
        string[] cameras = option == "--camera" ? [option, device] : ["--camera-a", "0", option, device];
        var run = MirrorSenseProcess.Run(["live", .. cameras, "--no-browser"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{device}'", run.Error);
    }

    [Fact]
    public void Live_names_a_screen_camera_without_an_x_display_and_exits_with_a_device_error()
    {
        // Given no X display, and both people agreeing in the terminal
        var run = MirrorSenseProcess.RunTyping("yes\n", new Dictionary<string, string?> { ["DISPLAY"] = null },
            "live", "--camera", "screen:0,0,640,480", "--terminal", "--record", Path.Combine(Path.GetTempPath(), $"mirrorsense-no-display-{Guid.NewGuid():N}"));

        // Then the device is named with what it needs, before anything is recorded
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'screen:0,0,640,480': no X display to grab (DISPLAY is not set)", run.Output);
    }

    [Fact]
    public void Live_says_that_what_the_computer_plays_needs_pulseaudio_when_none_answers()
    {
        // Given a PulseAudio address where nothing listens
        var nowhere = $"unix:{Path.Combine(Path.GetTempPath(), $"mirrorsense-no-pulse-{Guid.NewGuid():N}")}";

        // When live is to hear what the computer plays
        var run = MirrorSenseProcess.RunTyping("yes\n", new Dictionary<string, string?> { ["PULSE_SERVER"] = nowhere },
            "live", "--mic", "output", "--terminal", "--record", Path.Combine(Path.GetTempPath(), $"mirrorsense-no-pulse-{Guid.NewGuid():N}"));

        // Then it says what output means and why it cannot be had
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("output: what the computer plays is captured from PulseAudio's monitor of the default output, but PulseAudio is not reachable", run.Output);
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
