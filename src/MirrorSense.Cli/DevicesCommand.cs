using System.CommandLine;
using MirrorSense.Capture;
using MirrorSense.Capture.Video;

namespace MirrorSense.Cli;

/// <summary>
/// <c>mirrorsense devices</c>: what can be captured on this machine, one section per kind of device
/// (microphones, cameras), each a <see cref="DeviceSection"/>.
/// </summary>
internal static class DevicesCommand
{
    public static Command Create()
    {
        var command = new Command("devices", "Lists the microphones (and audio monitors) and the cameras that live capture can open; microphone names go to --mic, camera paths (or indices) to the camera device.");
        command.SetAction(_ =>
        {
            foreach (var section in Sections())
            {
                Console.WriteLine(section.Title);
                var lines = section.List();
                foreach (var line in lines)
                    Console.WriteLine($"  {line}");
            }
            return 0;
        });
        return command;
    }

    private static IEnumerable<DeviceSection> Sections()
    {
        yield return Microphones();
        yield return Cameras();
    }

    private static DeviceSection Cameras()
    {
        var (title, where) = OperatingSystem.IsLinux()
            ? ("Cameras (V4L2):", $"{Video4LinuxDevices.SysfsFolder} lists no video devices")
            : ($"Cameras (OpenCV indices 0-{CameraDevices.ProbedIndices - 1} probed):", "none of them opens");
        return new DeviceSection(title, () =>
        {
            var cameras = CameraDevices.Find();
            if (cameras.Count == 0)
                return [$"(no cameras found: {where})"];
            var width = cameras.Max(c => c.Device.Length);
            return [.. cameras.Select(c => $"{c.Device.PadRight(width)}  {c.Name}{(c.ExtraNode ? "  (extra node of the same camera, usually metadata: no picture)" : "")}")];
        });
    }

    private static DeviceSection Microphones()
    {
        // The catalog live capture uses: PulseAudio, ALSA when PulseAudio is not running, or Windows' devices.
        var microphones = Capture.Microphones.Detect();
        return new DeviceSection($"Microphones ({microphones.System}):", () =>
        {
            var list = microphones.Devices;
            if (list.Devices.Count == 0)
                return [$"(none: {list.Describe()})"];
            var width = Math.Max(Capture.Microphones.Output.Length, list.Devices.Max(d => d.Name.Length));
            List<string> lines = [.. list.Devices
                .OrderBy(d => d.IsMonitor)
                .Select(d => $"{d.Name.PadRight(width)}  {d.Format}{(d.IsMonitor ? "  (what the computer plays on this output)" : "")}")];
            // A call's far side: the name stands for whichever output is the default when the session starts.
            if (list.Devices.Any(d => d.IsMonitor) && OutputSource(microphones) is { } monitor)
                lines.Add($"{Capture.Microphones.Output.PadRight(width)}  what the computer plays (now {monitor}); e.g. --mic-b output for the other side of a video call");
            return lines;
        });
    }

    private static string? OutputSource(Capture.Microphones microphones)
    {
        try
        {
            return microphones.OutputSource();
        }
        catch (AudioSourceException)
        {
            return null;   // no default output: nothing to offer
        }
    }

    /// <summary>One kind of device: a heading and how to list its members (lazily, since listing may ask a server).</summary>
    private sealed record DeviceSection(string Title, Func<IReadOnlyList<string>> List);
}
