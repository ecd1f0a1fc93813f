using System.ComponentModel;
using System.Diagnostics;

namespace MirrorSense.Capture.PulseAudio;

/// <summary>PulseAudio's sources (microphones and sink monitors), as <c>pactl list short sources</c> reports them.</summary>
/// <param name="server">The server to ask (pactl -s); null for the session's own.</param>
public sealed class PulseAudioDeviceCatalog(string? server = null) : IAudioDeviceCatalog
{
    public string System => "PulseAudio";

    public AudioDeviceList List()
    {
        var start = new ProcessStartInfo("pactl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (server is not null)
            start.ArgumentList.Add($"--server={server}");
        foreach (var argument in new[] { "list", "short", "sources" })
            start.ArgumentList.Add(argument);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            return new AudioDeviceList([], "pactl is not installed (Debian package pulseaudio-utils), so PulseAudio sources cannot be listed");
        }
        if (process is null)
            return new AudioDeviceList([], "pactl could not be started");
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill();
                return new AudioDeviceList([], "pactl did not answer within 10 s");
            }
            if (process.ExitCode != 0)
                return new AudioDeviceList([], $"PulseAudio is not reachable ({error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "pactl failed"})");
            return new AudioDeviceList(Parse(output));
        }
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
}
