using System.ComponentModel;
using System.Diagnostics;
using Xunit;

namespace MirrorSense.Testing;

/// <summary>
/// An X server of the test's own (Xvfb, TESTING.md's "a screen as a camera"): a 1280×720 screen on the first free
/// display number, which Xvfb picks and reports itself (-displayfd), so parallel test runs never collide. Windows
/// are drawn on it by programs started with <see cref="Start"/> (ffplay, say). Tests skip, saying why, when Xvfb or
/// ffmpeg/ffplay are not installed; the server is stopped on dispose.
/// </summary>
public sealed class VirtualDisplay : IDisposable
{
    public const int Width = 1280;
    public const int Height = 720;

    private readonly Process? _server;
    private readonly string? _startProblem;

    public VirtualDisplay()
    {
        var missing = new[] { "Xvfb", "ffmpeg", "ffplay" }.Where(tool => ToolPath.Find(tool) is null).ToList();
        if (missing.Count > 0)
        {
            _startProblem = $"{string.Join(" and ", missing)} not installed (Debian packages xvfb and ffmpeg; tools/install-prerequisites.sh), so there is no screen to grab";
            return;
        }

        var start = new ProcessStartInfo("Xvfb") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-displayfd", "1", "-screen", "0", $"{Width}x{Height}x24", "-nolisten", "tcp" })
            start.ArgumentList.Add(argument);
        _server = Process.Start(start)!;
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginErrorReadLine();
        var number = _server.StandardOutput.ReadLineAsync();
        if (!number.Wait(TimeSpan.FromSeconds(30)) || string.IsNullOrWhiteSpace(number.Result))
        {
            Dispose();
            throw new InvalidOperationException("The test's Xvfb did not report its display number within 30 s.");
        }

        Display = ":" + number.Result.Trim();
    }

    /// <summary>The X display (for DISPLAY), e.g. ":1".</summary>
    public string? Display { get; }

    public void SkipIfUnavailable() => Skip.If(_startProblem is not null, _startProblem);

    /// <summary>Starts a program on this display (one that draws, or one that asks about windows), without waiting; its output is the caller's to read.</summary>
    public Process Start(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DISPLAY"] = Display;
        // ffplay (SDL) would open the sound card for a video's audio track; the pictures need no sound.
        start.Environment["SDL_AUDIODRIVER"] = "dummy";
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    /// <summary>
    /// Shows <paramref name="video"/> in a borderless window at <paramref name="left"/>, <paramref name="top"/>,
    /// <paramref name="width"/>×<paramref name="height"/> (ffplay at its own pace, no sound), after the filter
    /// <paramref name="filter"/> (e.g. a crop; null for none). There is no window manager, so nothing moves it.
    /// </summary>
    public Process Show(string video, int left, int top, int width, int height, string? filter = null, double? seconds = null)
    {
        string[] arguments =
        [
            "-v", "error", "-nostats", "-noborder", "-an", "-autoexit",
            "-left", Text(left), "-top", Text(top), "-x", Text(width), "-y", Text(height),
            .. filter is null ? Array.Empty<string>() : ["-vf", filter],
            .. seconds is { } s ? ["-t", s.ToString(System.Globalization.CultureInfo.InvariantCulture)] : Array.Empty<string>(),
            video,
        ];
        var player = Start("ffplay", arguments);
        // Read and dropped, so the player never blocks on a full pipe.
        player.OutputDataReceived += (_, _) => { };
        player.ErrorDataReceived += (_, _) => { };
        player.BeginOutputReadLine();
        player.BeginErrorReadLine();
        return player;
    }

    public void Dispose()
    {
        if (_server is null)
            return;
        try
        {
            if (!_server.HasExited)
                _server.Kill();
            _server.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (Win32Exception)
        {
            // Gone between the check and the kill.
        }

        _server.Dispose();
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
