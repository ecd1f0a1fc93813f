using System.Diagnostics;
using System.Text.RegularExpressions;
using MirrorSense.Testing;

namespace MirrorSense.EndToEnd.Tests;

/// <summary>
/// A live session without devices (TESTING.md): a camera as a FIFO that ffmpeg fills at real-time pace, the voices
/// played into the virtual microphone, and the mirrorsense process itself, started with the given options.
/// </summary>
internal sealed partial class LiveRig : IDisposable
{
    private readonly VirtualMicrophone _pulse;
    private readonly TempFolder _folder;
    private readonly List<Process> _feeders = [];
    private readonly Process _live;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveRig(VirtualMicrophone pulse, TempFolder folder, params string[] options)
    {
        _pulse = pulse;
        _folder = folder;
        Camera = folder.Combine("camera.fifo");
        Record = folder.Combine("recorded");
        using (var fifo = Process.Start("mkfifo", [Camera]))
            fifo.WaitForExit();

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.Environment["PULSE_SERVER"] = pulse.Server;
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "mirrorsense.dll"), "live", "--camera", Camera, "--stereo-mic", VirtualMicrophone.Microphone,
                     "--no-browser", "--port", "0", "--record", Record, .. options])
            start.ArgumentList.Add(argument);
        _live = Process.Start(start)!;
        _live.OutputDataReceived += (_, line) => Take(line.Data);
        _live.ErrorDataReceived += (_, line) => Take(line.Data);
        _live.BeginOutputReadLine();
        _live.BeginErrorReadLine();
    }

    public string Camera { get; }

    public string Record { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return string.Join('\n', _output);
        }
    }

    public Task<Uri> Address => _address.Task;

    /// <summary>Starts the picture and the voices together; returns the wall-clock moment they started.</summary>
    public Stopwatch Play(string video, string voices)
    {
        _feeders.Add(Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-re", "-i", video, "-an", "-c:v", "mjpeg", "-q:v", "5", "-f", "matroska", "-y", Camera])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!);
        _feeders.Add(_pulse.Start("paplay", "-d", VirtualMicrophone.Sink, voices));
        return Stopwatch.StartNew();
    }

    public bool WaitForExit(TimeSpan timeout) => _live.WaitForExit(timeout);

    /// <summary>Ends mirrorsense the hard way (SIGKILL): no clean-up code of its own runs.</summary>
    public void KillHard()
    {
        _live.Kill(entireProcessTree: false);
        _live.WaitForExit();
    }

    /// <summary>Gives consent the way the page does (both agreements, JSON).</summary>
    public async Task ConsentAsync()
    {
        using var http = new HttpClient();
        var response = await http.PostAsync(new Uri(await Address, "consent"), new StringContent("{\"agree_a\":true,\"agree_b\":true}", System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    public int ExitCode => _live.ExitCode;

    public void Dispose()
    {
        foreach (var process in _feeders.Append(_live))
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.Dispose();
        }
    }

    private void Take(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.Add(line);
        if (PageAddress().Match(line) is { Success: true } match)
            _address.TrySetResult(new Uri(match.Groups[1].Value));
    }

    [GeneratedRegex(@"Live page: (http://\S+)")]
    private static partial Regex PageAddress();
}
