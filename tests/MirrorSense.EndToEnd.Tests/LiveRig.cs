using System.Diagnostics;
using System.Text.RegularExpressions;
using MirrorSense.Testing;

namespace MirrorSense.EndToEnd.Tests;

/// <summary>
/// The devices of a rigged session: one camera for both people or one each; one stereo microphone or one each; or B
/// in a video call on <paramref name="CallScreen"/> (B's picture a window there, B's voice what the computer plays).
/// </summary>
internal sealed record LiveRigDevices(bool CameraPerPerson = false, bool MicrophonePerPerson = false, VirtualDisplay? CallScreen = null)
{
    /// <summary>Where the call's window shows B (B's half of the dyad video is 320×480), grabbed as B's camera.</summary>
    public const int CallLeft = 400, CallTop = 120, CallWidth = 320, CallHeight = 480;

    /// <summary>The default output of a call session: what is played into it is "what the computer plays".</summary>
    public const string CallOutput = "call_output";

    public static string CallRegion => $"screen:{CallLeft},{CallTop},{CallWidth},{CallHeight}";
}

/// <summary>
/// A live session without devices (TESTING.md): cameras as FIFOs that ffmpeg fills at real-time pace (with one
/// camera per person, each gets its half of the dyad video), the voices played into the virtual microphone, and the
/// mirrorsense process itself, started with the given options. In a video call, A's camera is a FIFO, B's the call's
/// window on the virtual screen, A's voice the virtual microphone's left channel and B's the call's output.
/// </summary>
internal sealed partial class LiveRig : IDisposable
{
    private readonly VirtualMicrophone _pulse;
    private readonly TempFolder _folder;
    private readonly VirtualDisplay? _callScreen;
    private readonly string? _callOutputModule;
    private readonly List<Process> _feeders = [];
    private readonly Process _live;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveRig(VirtualMicrophone pulse, TempFolder folder, params string[] options)
        : this(pulse, folder, new LiveRigDevices(), options)
    {
    }

    public LiveRig(VirtualMicrophone pulse, TempFolder folder, LiveRigDevices devices, params string[] options)
    {
        _pulse = pulse;
        _folder = folder;
        _callScreen = devices.CallScreen;
        Cameras = devices.CameraPerPerson ? [folder.Combine("camera-a.fifo"), folder.Combine("camera-b.fifo")]
            : _callScreen is not null ? [folder.Combine("camera-a.fifo")]
            : [folder.Combine("camera.fifo")];
        Record = folder.Combine("recorded");
        foreach (var camera in Cameras)
        {
            using var fifo = Process.Start("mkfifo", [camera]);
            fifo.WaitForExit();
        }

        if (_callScreen is not null)
        {
            // The call application's sound goes to the default output, a sink of its own, so B is all its monitor hears.
            _callOutputModule = Pactl("load-module", "module-null-sink", $"sink_name={LiveRigDevices.CallOutput}", "rate=48000", "channels=2").Trim();
            Pactl("set-default-sink", LiveRigDevices.CallOutput);
        }

        string[] cameraOptions = devices.CameraPerPerson ? ["--camera-a", Cameras[0], "--camera-b", Cameras[1]]
            : _callScreen is not null ? ["--camera-a", Cameras[0], "--camera-b", LiveRigDevices.CallRegion]
            : ["--camera", Cameras[0]];
        string[] microphoneOptions = _callScreen is not null ? ["--mic-a", VirtualMicrophone.MicrophoneA, "--mic-b", "output"]
            : devices.MicrophonePerPerson ? ["--mic-a", VirtualMicrophone.MicrophoneA, "--mic-b", VirtualMicrophone.MicrophoneB]
            : ["--stereo-mic", VirtualMicrophone.Microphone];
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.Environment["PULSE_SERVER"] = pulse.Server;
        if (_callScreen is not null)
            start.Environment["DISPLAY"] = _callScreen.Display;
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "mirrorsense.dll"), "live", .. cameraOptions, .. microphoneOptions,
                     "--no-browser", "--port", "0", "--record", Record, .. options])
            start.ArgumentList.Add(argument);
        _live = Process.Start(start)!;
        _live.OutputDataReceived += (_, line) => Take(line.Data);
        _live.ErrorDataReceived += (_, line) => Take(line.Data);
        _live.BeginOutputReadLine();
        _live.BeginErrorReadLine();
    }

    /// <summary>The camera FIFOs: one for both people, or A's and B's.</summary>
    public IReadOnlyList<string> Cameras { get; }

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

    /// <summary>Waits until mirrorsense has printed <paramref name="text"/>; false when it has not within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (waited.Elapsed > timeout || _live.HasExited)
                return false;
            await Task.Delay(100);
        }

        return true;
    }

    /// <summary>
    /// Starts the pictures and the voices together; returns the wall-clock moment they started. With one camera per
    /// person, A's camera sees the video's left half and B's its right half; <paramref name="cameraBSeconds"/> ends B's
    /// stream early, as an unplugged camera would. In a video call, the call's window shows B's half and the call's
    /// output plays B's voice (the right channel).
    /// </summary>
    public Stopwatch Play(string video, string voices, double? cameraBSeconds = null)
    {
        if (_callScreen is not null)
        {
            var voiceB = _folder.Combine("voice-b.wav");
            ExternalTool.Run("ffmpeg", "-v", "error", "-i", voices, "-af", "pan=mono|c0=c1", "-y", voiceB);
            Feed(video, Cameras[0], ["-vf", "crop=iw/2:ih:0:0"]);
            _feeders.Add(_callScreen.Show(video, LiveRigDevices.CallLeft, LiveRigDevices.CallTop, LiveRigDevices.CallWidth, LiveRigDevices.CallHeight, "crop=iw/2:ih:iw/2:0"));
            _feeders.Add(_pulse.Start("paplay", "-d", LiveRigDevices.CallOutput, voiceB));
        }
        else if (Cameras.Count == 1)
        {
            Feed(video, Cameras[0], []);
        }
        else
        {
            Feed(video, Cameras[0], ["-vf", "crop=iw/2:ih:0:0"]);
            Feed(video, Cameras[1], ["-vf", "crop=iw/2:ih:iw/2:0", .. cameraBSeconds is { } end ? (string[])["-t", end.ToString(System.Globalization.CultureInfo.InvariantCulture)] : []]);
        }

        _feeders.Add(_pulse.Start("paplay", "-d", VirtualMicrophone.Sink, voices));
        return Stopwatch.StartNew();
    }

    /// <summary>Types a line into mirrorsense's standard input (the terminal view's consent question).</summary>
    public void Type(string line)
    {
        _live.StandardInput.WriteLine(line);
        _live.StandardInput.Flush();
    }

    public bool WaitForExit(TimeSpan timeout) => _live.WaitForExit(timeout);

    private void Feed(string video, string fifo, string[] filter) =>
        _feeders.Add(Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-re", "-i", video, "-an", .. filter, "-c:v", "mjpeg", "-q:v", "5", "-f", "matroska", "-y", fifo])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!);

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

        if (_callOutputModule is not null)
            Pactl("unload-module", _callOutputModule);
    }

    private string Pactl(params string[] arguments)
    {
        var (exitCode, output, error) = _pulse.Run("pactl", arguments);
        return exitCode == 0 ? output : throw new InvalidOperationException($"pactl {string.Join(' ', arguments)} failed ({exitCode}): {error}");
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
