using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Capture.Video;

/// <summary>
/// A part of the screen as a live camera (the partner in a video call): an <c>ffmpeg</c> child process grabs it
/// (<see cref="ScreenGrabArguments"/>) and writes raw BGR frames to its standard output, read here one frame at a
/// time. The frame size is the one ffmpeg announces for its output, so a window (whose size we do not know) works
/// like a region. Raw frames carry no timestamps, so media time comes from ffmpeg's grab schedule (frame k in slot
/// k/fps from the first), corrected by the arrival clock when the grabber falls behind: arrival alone would squeeze
/// the first few frames, which ffmpeg holds back while it opens the stream, into a few milliseconds. Problems ffmpeg reports before the first frame (no display, a region off the
/// screen, a window that does not exist) are thrown by the constructor, naming the device string.
/// </summary>
public sealed partial class ScreenSource : IVideoSource
{
    /// <summary>How long ffmpeg may take to open the screen before we give up on it.</summary>
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(20);

    private const int KeptErrorLines = 6;

    private readonly ScreenTarget _target;
    private readonly Process _process;
    private readonly Stream _output;
    private readonly Queue<string> _errorTail = new();
    private readonly Lock _errorGate = new();
    private readonly TaskCompletionSource<(int Width, int Height)?> _announced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _arrival = new();
    private bool _inOutputSection;
    private long _frames;
    private double _shortestDelay = double.PositiveInfinity;
    private MediaTime _last = new(-1);
    private volatile bool _disposed;

    /// <param name="target">The region or window.</param>
    /// <param name="framesPerSecond">The rate ffmpeg grabs at.</param>
    /// <param name="display">The X display on Linux; null takes <c>$DISPLAY</c>.</param>
    /// <param name="platform">Which grabber to use; null for this machine's.</param>
    /// <param name="ffmpeg">The ffmpeg program: a path, or a name looked up on the PATH.</param>
    public ScreenSource(ScreenTarget target, int framesPerSecond = 30, string? display = null, ScreenPlatform? platform = null, string ffmpeg = "ffmpeg")
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        var system = platform ?? ScreenGrabArguments.Current ?? throw new VideoSourceException($"'{target.Device}': grabbing the screen is implemented for Linux (X11), Windows and macOS only.");
        var arguments = ScreenGrabArguments.For(target, system, display ?? Environment.GetEnvironmentVariable("DISPLAY"), framesPerSecond);
        var start = new ProcessStartInfo(ffmpeg) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        try
        {
            _process = Process.Start(start) ?? throw new VideoSourceException($"'{target.Device}': ffmpeg could not be started.");
        }
        catch (Win32Exception error)
        {
            throw new VideoSourceException(
                $"'{target.Device}': grabbing the screen needs FFmpeg's program '{ffmpeg}', which could not be started ({error.Message}). " +
                "Install FFmpeg (Debian/Ubuntu: apt-get install ffmpeg; tools/install-prerequisites.sh).");
        }

        _output = _process.StandardOutput.BaseStream;
        _process.ErrorDataReceived += (_, line) => Take(line.Data);
        _process.BeginErrorReadLine();
        var announced = _announced.Task.Wait(OpenTimeout) ? _announced.Task.Result : null;
        if (announced is not { } size)
        {
            Stop();
            throw new VideoSourceException($"'{target.Device}': {Failure()}");
        }

        Format = new VideoFormat(size.Width, size.Height, framesPerSecond, null);
    }

    public VideoFormat Format { get; }

    public unsafe bool Read(Mat frame, out MediaTime time)
    {
        time = default;
        frame.Create(Format.Height, Format.Width, MatType.CV_8UC3);
        var bytes = checked(Format.Width * Format.Height * 3);
        int read;
        try
        {
            read = _output.ReadAtLeast(new Span<byte>((void*)frame.Data, bytes), bytes, throwOnEndOfStream: false);
        }
        catch (IOException) when (_disposed)
        {
            return false;
        }
        catch (ObjectDisposedException) when (_disposed)
        {
            return false;
        }

        if (read < bytes)
        {
            if (_disposed)
                return false;
            _process.WaitForExit();
            if (_process.ExitCode != 0)
                throw new VideoSourceException($"'{_target.Device}': the screen grab stopped: {Failure()}");
            return false;
        }

        // The media clock starts at the first frame (the arrival clock too). Frame k was grabbed in its slot k/fps on
        // ffmpeg's schedule, or later when the grabber fell behind; then its arrival, less the shortest delay from
        // slot to arrival seen so far, tells how much later.
        _arrival.Start();
        var slot = _frames++ / Format.FramesPerSecond;
        var arrived = _arrival.Elapsed.TotalSeconds;
        _shortestDelay = Math.Min(_shortestDelay, arrived - slot);
        var candidate = MediaTime.FromSeconds(Math.Max(slot, arrived - _shortestDelay));
        time = candidate > _last ? candidate : new MediaTime(_last.Microseconds + 1);
        _last = time;
        return true;
    }

    public override string ToString() => $"screen '{_target.Device}'";

    public void Dispose()
    {
        _disposed = true;
        Stop();
        _process.Dispose();
    }

    private void Stop()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Keeps the end of ffmpeg's messages and finds the frame size it announces for its output.</summary>
    private void Take(string? line)
    {
        if (line is null)
        {
            _announced.TrySetResult(null);
            return;
        }

        lock (_errorGate)
        {
            _errorTail.Enqueue(line.Trim());
            if (_errorTail.Count > KeptErrorLines)
                _errorTail.Dequeue();
        }

        if (line.StartsWith("Output #0", StringComparison.Ordinal))
            _inOutputSection = true;
        else if (_inOutputSection && OutputSize().Match(line) is { Success: true } size)
            _announced.TrySetResult((int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture)));
    }

    /// <summary>Why ffmpeg gave no frames, in words for people, with ffmpeg's own last lines.</summary>
    private string Failure()
    {
        string said;
        lock (_errorGate)
            said = string.Join(" ", _errorTail.Where(line => line.Length > 0)).Trim();
        if (said.Contains("outside the screen size", StringComparison.Ordinal))
            return $"the region does not fit on the screen; expected X,Y,W,H with X+W and Y+H within the screen's size (ffmpeg: {said})";
        if (said.Contains("Cannot open display", StringComparison.Ordinal))
            return $"the X display cannot be opened; expected DISPLAY to name a running X server (ffmpeg: {said})";
        if (said.Length == 0)
            return $"ffmpeg announced no picture within {OpenTimeout.TotalSeconds:0} s.";
        return $"ffmpeg could not grab it ({said})";
    }

    [GeneratedRegex(@"Video: rawvideo.*?, (\d+)x(\d+)[ ,\[]")]
    private static partial Regex OutputSize();
}
