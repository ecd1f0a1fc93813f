using System.ComponentModel;
using System.Diagnostics;

namespace MirrorSense.Capture.PulseAudio;

/// <summary>
/// PulseAudio's sources (microphones and sink monitors), as <c>pactl list short sources</c> reports them, and the
/// monitor of the default output: what the computer plays (a call's far side) as a source.
/// </summary>
/// <param name="server">The server to ask (pactl -s); null for the session's own.</param>
public sealed class PulseAudioDeviceCatalog(string? server = null) : IAudioDeviceCatalog
{
    public string System => "PulseAudio";

    public AudioDeviceList List()
    {
        var (output, problem) = Pactl("list", "short", "sources");
        return problem is not null ? new AudioDeviceList([], problem) : new AudioDeviceList(Parse(output));
    }

    /// <summary>
    /// The source that carries what the default output plays (<c>&lt;default sink&gt;.monitor</c>), for
    /// <see cref="Microphones.Output"/>. No server or no default output throws <see cref="AudioSourceException"/> saying so.
    /// </summary>
    public string OutputMonitor()
    {
        var (output, problem) = Pactl("info");
        if (problem is not null)
            throw new AudioSourceException(Microphones.Output, $"what the computer plays is captured from PulseAudio's monitor of the default output, but {problem}.");
        var sink = DefaultSink(output);
        if (sink is null)
            throw new AudioSourceException(Microphones.Output, "PulseAudio has no default output (sink) whose sound could be captured; choose one in the sound settings or with `pactl set-default-sink NAME`.");
        return sink + ".monitor";
    }

    /// <summary>Parses <c>pactl list short sources</c>: index, name, driver, sample format, state; tab-separated.</summary>
    internal static IReadOnlyList<AudioDevice> Parse(string listing) =>
        [.. listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 2)
            .Select(fields => new AudioDevice(
                fields[1],
                fields.Length > 2 ? fields[2] : "",
                fields.Length > 3 ? fields[3] : "",
                fields[1].EndsWith(".monitor", StringComparison.Ordinal)))];

    /// <summary>The default sink's name from <c>pactl info</c> (asked in the C locale); null when there is none.</summary>
    internal static string? DefaultSink(string info)
    {
        const string key = "Default Sink:";
        var name = info.Split('\n', StringSplitOptions.TrimEntries)
            .FirstOrDefault(line => line.StartsWith(key, StringComparison.Ordinal))?[key.Length..].Trim();
        // pactl prints "(null)" when the server has no sink at all.
        return string.IsNullOrEmpty(name) || name == "(null)" ? null : name;
    }

    /// <summary>Runs pactl against the server; the output, or why there is none (for "… because {problem}").</summary>
    private (string Output, string? Problem) Pactl(params string[] arguments)
    {
        var start = new ProcessStartInfo("pactl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Field names such as "Default Sink" are translated in other locales.
        start.Environment["LC_ALL"] = "C";
        if (server is not null)
            start.ArgumentList.Add($"--server={server}");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            return ("", "pactl is not installed (Debian package pulseaudio-utils), so PulseAudio sources cannot be listed");
        }
        if (process is null)
            return ("", "pactl could not be started");
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill();
                return ("", "pactl did not answer within 10 s");
            }
            if (process.ExitCode != 0)
                return ("", $"PulseAudio is not reachable ({error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "pactl failed"})");
            return (output, null);
        }
    }
}
