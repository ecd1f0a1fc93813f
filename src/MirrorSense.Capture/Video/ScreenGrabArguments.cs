using System.Globalization;

namespace MirrorSense.Capture.Video;

/// <summary>The desktop systems FFmpeg grabs a screen on, each through its own input device.</summary>
public enum ScreenPlatform
{
    /// <summary>X11 (x11grab; under Wayland only XWayland windows are visible to it).</summary>
    Linux,

    /// <summary>GDI (gdigrab): a region of the desktop or a window by title.</summary>
    Windows,

    /// <summary>AVFoundation's screen device, cropped to the region.</summary>
    MacOS,
}

/// <summary>
/// The ffmpeg command line that grabs a <see cref="ScreenTarget"/> and writes raw BGR frames to its standard output:
/// x11grab on Linux (the region of <c>$DISPLAY</c>, or a window by its X id), gdigrab on Windows (a desktop region or a window), avfoundation
/// on macOS (the whole first screen, cropped). The mouse pointer is left out everywhere: a pointer moving over the
/// partner's picture would count as the partner's motion.
/// </summary>
public static class ScreenGrabArguments
{
    /// <summary>The platform this process runs on; null where FFmpeg has no screen device we drive.</summary>
    public static ScreenPlatform? Current =>
        OperatingSystem.IsLinux() ? ScreenPlatform.Linux
        : OperatingSystem.IsWindows() ? ScreenPlatform.Windows
        : OperatingSystem.IsMacOS() ? ScreenPlatform.MacOS
        : null;

    /// <summary>
    /// The arguments after <c>ffmpeg</c>. <paramref name="display"/> is the X display (<c>$DISPLAY</c>), used on Linux
    /// only. A target the platform cannot grab throws <see cref="VideoSourceException"/> naming the device string.
    /// </summary>
    public static IReadOnlyList<string> For(ScreenTarget target, ScreenPlatform platform, string? display, int framesPerSecond)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);
        var rate = framesPerSecond.ToString(CultureInfo.InvariantCulture);
        List<string> input = (platform, target) switch
        {
            (ScreenPlatform.Linux, ScreenRegion region) => X11(region, display, rate),
            (ScreenPlatform.Linux, ScreenWindow window) => X11(window, display, rate),
            (ScreenPlatform.Windows, ScreenRegion region) =>
                ["-f", "gdigrab", "-draw_mouse", "0", "-framerate", rate, "-offset_x", Text(region.X), "-offset_y", Text(region.Y), "-video_size", Size(region), "-i", "desktop"],
            (ScreenPlatform.Windows, ScreenWindow window) => ["-f", "gdigrab", "-draw_mouse", "0", "-framerate", rate, "-i", "title=" + window.Title],
            // AVFoundation grabs whole screens only; the region is cut out of the first one.
            (ScreenPlatform.MacOS, ScreenRegion region) =>
                ["-f", "avfoundation", "-capture_cursor", "0", "-framerate", rate, "-i", "Capture screen 0:none",
                 "-vf", $"crop={region.Width}:{region.Height}:{region.X}:{region.Y}"],
            (_, ScreenWindow) => throw new VideoSourceException(
                $"'{target.Device}': a window can be grabbed on Windows (by title) and Linux (by id) only; here give the region the window covers, screen:X,Y,W,H."),
            _ => throw new VideoSourceException($"'{target.Device}': grabbing the screen is not implemented on {platform}."),
        };
        // The grabbers announce their picture format in the header, so ffmpeg need not probe frames (it would hold
        // back half a second of them before the first goes out).
        return ["-nostdin", "-hide_banner", "-nostats", "-loglevel", "info", "-probesize", "32", "-analyzeduration", "0", .. input, "-an", "-f", "rawvideo", "-pix_fmt", "bgr24", "-"];
    }

    private static List<string> X11(ScreenTarget target, string? display, string rate)
    {
        if (string.IsNullOrWhiteSpace(display))
        {
            throw new VideoSourceException(
                $"'{target.Device}': no X display to grab (DISPLAY is not set). Run mirrorsense from the desktop session that shows the call, " +
                "or set DISPLAY (e.g. DISPLAY=:0); on Wayland only windows running through XWayland can be grabbed.");
        }

        if (target is ScreenRegion region)
            return ["-f", "x11grab", "-draw_mouse", "0", "-framerate", rate, "-video_size", Size(region), "-i", $"{display}+{region.X},{region.Y}"];
        // X11 windows are found by id (xwininfo prints it: "Window id: 0x3a00007"); finding one by its title would need another tool.
        var title = ((ScreenWindow)target).Title;
        var id = title.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? (uint.TryParse(title[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) ? hex : (uint?)null)
            : uint.TryParse(title, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
        if (id is not { } window)
        {
            throw new VideoSourceException(
                $"'{target.Device}': on Linux a window is named by its X window id (screen:window=0x3a00007; run xwininfo and click the window to see it), " +
                "not by its title; or give the region it covers, screen:X,Y,W,H.");
        }

        return ["-f", "x11grab", "-draw_mouse", "0", "-framerate", rate, "-window_id", Text((long)window), "-i", display];
    }

    private static string Size(ScreenRegion region) => $"{region.Width}x{region.Height}";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
