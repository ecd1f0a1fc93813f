using System.Globalization;

namespace MirrorSense.Capture.Video;

/// <summary>
/// A part of the screen used as a camera (the partner's picture in a video call): a rectangle in screen pixels
/// (<c>screen:X,Y,W,H</c>) or a window (<c>screen:window=TITLE</c> on Windows, <c>screen:window=ID</c>, the X window id, on Linux).
/// <paramref name="Device"/> is the string it was given, for messages.
/// </summary>
public abstract record ScreenTarget(string Device)
{
    public const string Prefix = "screen:";

    /// <summary>The forms a screen camera takes, for messages.</summary>
    public const string Forms = "screen:X,Y,W,H (left, top, width and height in screen pixels, e.g. screen:0,0,640,480), or screen:window=TITLE (Windows) or screen:window=ID (Linux, the X window id)";

    /// <summary>True when <paramref name="device"/> asks for the screen rather than a camera or a file.</summary>
    public static bool Names(string device) => device.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a <c>screen:…</c> device; a malformed one throws <see cref="ArgumentException"/> naming it and what was expected.</summary>
    public static ScreenTarget Parse(string device)
    {
        if (!Names(device))
            throw new ArgumentException($"'{device}' is not a screen camera: expected {Forms}.");
        var rest = device[Prefix.Length..];
        const string window = "window=";
        if (rest.StartsWith(window, StringComparison.OrdinalIgnoreCase))
        {
            var title = rest[window.Length..];
            return title.Length > 0 ? new ScreenWindow(device, title) : throw new ArgumentException($"'{device}' names no window: expected screen:window=TITLE with the window's title.");
        }

        var fields = rest.Split(',');
        var numbers = new int[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            if (!int.TryParse(fields[i].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i]))
            {
                numbers = [];
                break;
            }
        }

        if (numbers.Length != 4)
            throw new ArgumentException($"'{device}' is not a screen region: expected {Forms}.");
        var (x, y, width, height) = (numbers[0], numbers[1], numbers[2], numbers[3]);
        if (x < 0 || y < 0)
            throw new ArgumentException($"'{device}': the region's left and top (X,Y) must be 0 or more (the screen's top-left corner is 0,0).");
        if (width < 16 || height < 16)
            throw new ArgumentException($"'{device}': the region must be at least 16×16 pixels to show a person (W,H are its width and height, not a corner).");
        return new ScreenRegion(device, x, y, width, height);
    }
}

/// <summary>A rectangle of the screen in pixels, from its top-left corner.</summary>
public sealed record ScreenRegion(string Device, int X, int Y, int Width, int Height) : ScreenTarget(Device);

/// <summary>A window: by its title on Windows (gdigrab's <c>title=</c>), by its X window id on Linux (x11grab's <c>-window_id</c>).</summary>
public sealed record ScreenWindow(string Device, string Title) : ScreenTarget(Device);
