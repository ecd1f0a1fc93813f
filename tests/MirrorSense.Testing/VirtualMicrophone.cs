using Xunit;
using System.Diagnostics;

namespace MirrorSense.Testing;

/// <summary>
/// A PulseAudio daemon of the test's own (TESTING.md's recipe) in a temporary XDG_RUNTIME_DIR, with a null sink
/// <c>test_sink</c>, a stereo microphone <c>test_mic</c> that hears whatever is played into the sink, and two mono
/// microphones <c>test_mic_a</c> and <c>test_mic_b</c> that hear its left and its right channel. It never touches a
/// daemon that was already running, and stops only the daemon it started. Tests skip, saying why, when the
/// <c>pulseaudio</c> binary is absent.
/// </summary>
public sealed class VirtualMicrophone : IDisposable
{
    public const string Sink = "test_sink";
    public const string Microphone = "test_mic";
    public const string MicrophoneA = "test_mic_a";
    public const string MicrophoneB = "test_mic_b";

    private readonly string? _runtimeDirectory;
    private readonly string? _startProblem;

    public VirtualMicrophone()
    {
        if (ToolPath.Find("pulseaudio") is null)
        {
            _startProblem = "pulseaudio is not installed (Debian packages pulseaudio pulseaudio-utils; tools/install-prerequisites.sh)";
            return;
        }
        _runtimeDirectory = Directory.CreateTempSubdirectory("mirrorsense-pulse-").FullName;
        Server = $"unix:{Path.Combine(_runtimeDirectory, "pulse", "native")}";
        Run("pulseaudio", "-D", "--exit-idle-time=-1", "--system=false", "--disallow-exit", "-n",
            "--load=module-native-protocol-unix auth-anonymous=1", "--load=module-null-sink sink_name=" + Sink + " rate=48000 channels=2",
            "--load=module-remap-source master=" + Sink + ".monitor source_name=" + Microphone,
            "--load=module-remap-source master=" + Sink + ".monitor source_name=" + MicrophoneA + " channels=1 master_channel_map=front-left channel_map=mono",
            "--load=module-remap-source master=" + Sink + ".monitor source_name=" + MicrophoneB + " channels=1 master_channel_map=front-right channel_map=mono");
        var waited = Stopwatch.StartNew();
        while (Run("pactl", "info").ExitCode != 0)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(15))
                throw new InvalidOperationException("The test's PulseAudio daemon did not answer within 15 s.");
            Thread.Sleep(100);
        }
    }

    /// <summary>The daemon's address for clients (pa_simple_new, pactl --server).</summary>
    public string? Server { get; }

    public void SkipIfUnavailable() => Skip.If(_startProblem is not null, _startProblem);

    /// <summary>Runs a PulseAudio tool against this daemon and waits for it.</summary>
    public (int ExitCode, string Output, string Error) Run(string tool, params string[] arguments)
    {
        using var process = Start(tool, arguments);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>Starts a PulseAudio tool against this daemon (e.g. paplay) without waiting.</summary>
    public Process Start(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["XDG_RUNTIME_DIR"] = _runtimeDirectory;
        start.Environment["PULSE_SERVER"] = Server;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    /// <summary>Stops the daemon, as if the sound server had died: every microphone of it is lost at once.</summary>
    public void Kill() => Run("pulseaudio", "--kill");

    /// <summary>Stops the daemon's process without ending it, as if the sound server hung: reads block until <see cref="Thaw"/>.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>Lets a frozen daemon run on.</summary>
    public void Thaw() => Signal("CONT");

    private void Signal(string signal)
    {
        var pid = File.ReadAllText(Path.Combine(_runtimeDirectory!, "pulse", "pid")).Trim();
        using var kill = Process.Start("kill", ["-" + signal, pid]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -{signal} {pid} failed with exit code {kill.ExitCode}.");
    }

    public void Dispose()
    {
        if (_runtimeDirectory is null)
            return;
        Kill();
        try
        {
            Directory.Delete(_runtimeDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The daemon may still be removing its socket; the temp folder is harmless.
        }
    }
}
