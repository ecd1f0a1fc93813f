using System.Diagnostics;

namespace MirrorSense.Bench;

/// <summary>
/// A PulseAudio daemon of the bench's own, under a private XDG_RUNTIME_DIR, so the live benchmarks never play into
/// or record from anyone else's sound server. It carries a null sink <see cref="Sink"/> that the voices are played
/// into and a stereo source <see cref="Microphone"/> remapped from the sink's monitor, which mirrorsense records
/// from as if it were a two-lavalier interface. A daemon already running for the folder is reused; disposing kills it.
/// </summary>
internal sealed class PrivatePulseAudio : IDisposable
{
    public const string Sink = "test_sink";
    public const string Microphone = "test_mic";

    private PrivatePulseAudio(string runtimeDirectory) => RuntimeDirectory = runtimeDirectory;

    /// <summary>The XDG_RUNTIME_DIR every client of this daemon (paplay, mirrorsense) must be started with.</summary>
    public string RuntimeDirectory { get; }

    public static PrivatePulseAudio Start(string runtimeDirectory)
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("the live benchmarks use PulseAudio and a named pipe, so Linux only");
        // PulseAudio refuses a runtime folder that others can read.
        Directory.CreateDirectory(runtimeDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var pulse = new PrivatePulseAudio(runtimeDirectory);
        if (pulse.Run("pulseaudio", "--check") != 0)
            pulse.Require("pulseaudio", "-D", "--exit-idle-time=-1", "--system=false");
        if (!pulse.Output("pactl", "list", "short", "sinks").Contains(Sink, StringComparison.Ordinal))
            pulse.Require("pactl", "load-module", "module-null-sink", $"sink_name={Sink}", "rate=48000", "channels=2");
        if (!pulse.Output("pactl", "list", "short", "sources").Contains(Microphone + "\t", StringComparison.Ordinal))
            pulse.Require("pactl", "load-module", "module-remap-source", $"master={Sink}.monitor", $"source_name={Microphone}");
        return pulse;
    }

    /// <summary>A process started against this daemon.</summary>
    public ProcessStartInfo Client(string executable, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(executable, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["XDG_RUNTIME_DIR"] = RuntimeDirectory;
        start.Environment.Remove("PULSE_SERVER");
        return start;
    }

    public void Dispose() => Run("pulseaudio", "--kill");

    private void Require(string executable, params string[] arguments)
    {
        if (Run(executable, arguments) is var code and not 0)
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited with {code}");
    }

    private int Run(string executable, params string[] arguments) => Execute(executable, arguments).Code;

    private string Output(string executable, params string[] arguments) => Execute(executable, arguments).Text;

    private (int Code, string Text) Execute(string executable, string[] arguments)
    {
        using var process = Process.Start(Client(executable, arguments))!;
        var error = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        error.Wait();
        return (process.ExitCode, text);
    }
}
