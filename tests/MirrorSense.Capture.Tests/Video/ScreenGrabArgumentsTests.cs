using MirrorSense.Capture.Video;

namespace MirrorSense.Capture.Tests.Video;

/// <summary>
/// The ffmpeg command lines per platform. Linux's is also run for real (<see cref="ScreenSourceTests"/>); the
/// Windows and macOS lines are checked here only, as FFmpeg's gdigrab and avfoundation documentation describe them.
/// </summary>
public sealed class ScreenGrabArgumentsTests
{
    private static readonly ScreenRegion Region = new("screen:100,50,640,480", 100, 50, 640, 480);

    private static readonly string[] RawOutput = ["-an", "-f", "rawvideo", "-pix_fmt", "bgr24", "-"];

    [Fact]
    public void Should_grab_a_region_of_the_x_display_on_linux()
    {
        var arguments = ScreenGrabArguments.For(Region, ScreenPlatform.Linux, ":1", 30);

        Assert.Equal((string[])["-f", "x11grab", "-draw_mouse", "0", "-framerate", "30", "-video_size", "640x480", "-i", ":1+100,50"], Input(arguments));
        Assert.Equal(RawOutput, arguments.TakeLast(RawOutput.Length));
    }

    [Fact]
    public void Should_grab_a_region_of_the_desktop_on_windows()
    {
        var arguments = ScreenGrabArguments.For(Region, ScreenPlatform.Windows, null, 30);

        Assert.Equal((string[])["-f", "gdigrab", "-draw_mouse", "0", "-framerate", "30", "-offset_x", "100", "-offset_y", "50", "-video_size", "640x480", "-i", "desktop"], Input(arguments));
        Assert.Equal(RawOutput, arguments.TakeLast(RawOutput.Length));
    }

    [Fact]
    public void Should_grab_a_window_by_title_on_windows()
    {
        var arguments = ScreenGrabArguments.For(new ScreenWindow("screen:window=Zoom Meeting", "Zoom Meeting"), ScreenPlatform.Windows, null, 25);

        Assert.Equal((string[])["-f", "gdigrab", "-draw_mouse", "0", "-framerate", "25", "-i", "title=Zoom Meeting"], Input(arguments));
    }

    [Fact]
    public void Should_grab_the_first_screen_and_crop_the_region_on_macos()
    {
        var arguments = ScreenGrabArguments.For(Region, ScreenPlatform.MacOS, null, 30);

        Assert.Equal((string[])["-f", "avfoundation", "-capture_cursor", "0", "-framerate", "30", "-i", "Capture screen 0:none", "-vf", "crop=640:480:100:50"], Input(arguments));
        Assert.Equal(RawOutput, arguments.TakeLast(RawOutput.Length));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Should_say_that_linux_needs_an_x_display_naming_the_device(string? display)
    {
        var error = Assert.Throws<VideoSourceException>(() => ScreenGrabArguments.For(Region, ScreenPlatform.Linux, display, 30));

        Assert.Contains("'screen:100,50,640,480'", error.Message);
        Assert.Contains("DISPLAY is not set", error.Message);
    }

    [Theory]
    [InlineData("0x3a00007", "60817415")]
    [InlineData("60817415", "60817415")]
    public void Should_grab_a_window_by_its_x_id_on_linux(string id, string decimalId)
    {
        var arguments = ScreenGrabArguments.For(new ScreenWindow("screen:window=" + id, id), ScreenPlatform.Linux, ":1", 30);

        Assert.Equal((string[])["-f", "x11grab", "-draw_mouse", "0", "-framerate", "30", "-window_id", decimalId, "-i", ":1"], Input(arguments));
    }

    [Theory]
    [InlineData(ScreenPlatform.Linux, "X window id")]
    [InlineData(ScreenPlatform.MacOS, "Windows (by title) and Linux (by id) only")]
    public void Should_say_how_a_window_is_named_where_a_title_cannot_find_it(ScreenPlatform platform, string expected)
    {
        var error = Assert.Throws<VideoSourceException>(() => ScreenGrabArguments.For(new ScreenWindow("screen:window=Teams", "Teams"), platform, ":0", 30));

        Assert.Contains("'screen:window=Teams'", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Contains("screen:X,Y,W,H", error.Message);
    }

    /// <summary>The input part: from the input device's -f to the output's -an.</summary>
    private static string[] Input(IReadOnlyList<string> arguments)
    {
        var from = arguments.ToList().IndexOf("-f");
        var to = arguments.ToList().IndexOf("-an");
        return [.. arguments.Skip(from).Take(to - from)];
    }
}
