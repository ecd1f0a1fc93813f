using System.Diagnostics;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Testing;
using OpenCvSharp;

namespace MirrorSense.Capture.Tests.Video;

/// <summary>
/// The screen as a camera on a screen of the test's own (Xvfb, TESTING.md): ffplay shows a test pattern in a window
/// and the source grabs the window's region through ffmpeg's x11grab.
/// </summary>
public sealed class ScreenSourceTests(VirtualDisplay screen) : IClassFixture<VirtualDisplay>
{
    [SkippableFact]
    public void Should_deliver_the_region_a_window_covers_at_its_pace_with_media_time_from_the_first_frame()
    {
        // Given a 320×240 test pattern playing in a window at 100,50 of the virtual screen
        screen.SkipIfUnavailable();
        using var folder = new TempFolder();
        var pattern = folder.Combine("pattern.avi");
        ExternalTool.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30", "-t", "20", "-c:v", "mjpeg", "-y", pattern);
        using var window = screen.Show(pattern, 100, 50, 320, 240);
        Thread.Sleep(1500);   // the window opens

        // When its region is grabbed for 60 frames
        using var source = new ScreenSource(ScreenTarget.Parse("screen:100,50,320,240"), display: screen.Display);
        using var frame = new Mat();
        var times = new List<MediaTime>();
        var wall = Stopwatch.StartNew();
        var arrivals = new List<double>();
        while (times.Count < 60 && source.Read(frame, out var time))
        {
            times.Add(time);
            arrivals.Add(wall.Elapsed.TotalSeconds);
        }

        // Then the frames are the region's size and show the pattern, not the black screen around it
        Assert.Equal((320, 240), (source.Format.Width, source.Format.Height));
        Assert.Equal((320, 240), (frame.Width, frame.Height));
        Assert.True(Cv2.Mean(frame).Val0 + Cv2.Mean(frame).Val1 + Cv2.Mean(frame).Val2 > 150, $"the grabbed region is dark: {Cv2.Mean(frame)}");

        // And they come at the grab rate (30 fps), stamped from zero and increasing, 1/30 s apart on average even over
        // the first frames, which ffmpeg writes at once while it opens the stream; after those, the wall clock keeps
        // up with media time
        Assert.Equal(60, times.Count);
        Assert.Equal(MediaTime.Zero, times[0]);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second > pair.First));
        Assert.InRange(times[10].Seconds / 10, 0.025, 0.045);
        Assert.InRange(times[^1].Seconds, 59 / 30.0, 59 / 30.0 * 1.25);
        var media = (times[^1] - times[20]).TotalSeconds;
        Assert.InRange(arrivals[^1] - arrivals[20], media * 0.9, media * 1.2);
    }

    [SkippableFact]
    public void Should_grab_a_window_by_its_x_id_at_the_windows_size()
    {
        // Given a 320×240 test pattern playing in a window, and the window's id as xwininfo lists it
        screen.SkipIfUnavailable();
        Skip.If(ToolPath.Find("xwininfo") is null, "xwininfo is not installed (Debian package x11-utils; tools/install-prerequisites.sh): it finds the window's id");
        using var folder = new TempFolder();
        var pattern = folder.Combine("window-pattern.avi");
        ExternalTool.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30", "-t", "20", "-c:v", "mjpeg", "-y", pattern);
        using var window = screen.Show(pattern, 600, 300, 320, 240);
        Thread.Sleep(1500);   // the window opens
        using var list = screen.Start("xwininfo", "-root", "-children");
        var id = list.StandardOutput.ReadToEnd().Split('\n').FirstOrDefault(line => line.Contains("window-pattern.avi\"", StringComparison.Ordinal))?.Trim().Split(' ')[0];
        Assert.NotNull(id);

        // When the window is grabbed by its id
        using var source = new ScreenSource(ScreenTarget.Parse("screen:window=" + id), display: screen.Display);
        using var frame = new Mat();

        // Then the frames are the window's size and show the pattern
        Assert.True(source.Read(frame, out _));
        Assert.Equal((320, 240), (frame.Width, frame.Height));
        Assert.True(Cv2.Mean(frame).Val0 + Cv2.Mean(frame).Val1 + Cv2.Mean(frame).Val2 > 150, $"the grabbed window is dark: {Cv2.Mean(frame)}");
    }

    [SkippableFact]
    public void Should_say_that_a_region_off_the_screen_does_not_fit_naming_the_device()
    {
        screen.SkipIfUnavailable();

        // When a region reaching past the 1280-pixel-wide screen is opened
        var error = Assert.Throws<VideoSourceException>(() => new ScreenSource(ScreenTarget.Parse("screen:1100,50,320,240"), display: screen.Display));

        // Then the message names the device, says what was expected, and carries ffmpeg's own words
        Assert.Contains("'screen:1100,50,320,240'", error.Message);
        Assert.Contains("does not fit on the screen", error.Message);
        Assert.Contains("1280x720", error.Message);
    }

    [SkippableFact]
    public void Should_say_that_an_x_display_that_does_not_answer_cannot_be_opened()
    {
        screen.SkipIfUnavailable();

        var error = Assert.Throws<VideoSourceException>(() => new ScreenSource(ScreenTarget.Parse("screen:0,0,320,240"), display: ":987"));

        Assert.Contains("'screen:0,0,320,240'", error.Message);
        Assert.Contains("X display cannot be opened", error.Message);
    }

    [Fact]
    public void Should_say_that_ffmpeg_is_needed_when_it_cannot_be_started()
    {
        var error = Assert.Throws<VideoSourceException>(() =>
            new ScreenSource(ScreenTarget.Parse("screen:0,0,320,240"), display: ":0", platform: ScreenPlatform.Linux, ffmpeg: "/nonexistent/ffmpeg"));

        Assert.Contains("'screen:0,0,320,240'", error.Message);
        Assert.Contains("Install FFmpeg", error.Message);
    }
}
