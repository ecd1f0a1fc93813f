using System.CommandLine;
using MirrorSense.Capture;

namespace MirrorSense.Cli;

/// <summary>
/// <c>mirrorsense devices</c>: what can be captured on this machine, one section per kind of device. Cameras get
/// their own section (another <see cref="DeviceSection"/>) when video capture lands.
/// </summary>
internal static class DevicesCommand
{
    public static Command Create()
    {
        var command = new Command("devices", "Lists the microphones (and audio monitors) that live capture can open; the names go to --mic.");
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
            var width = list.Devices.Max(d => d.Name.Length);
            return [.. list.Devices
                .OrderBy(d => d.IsMonitor)
                .Select(d => $"{d.Name.PadRight(width)}  {d.Format}{(d.IsMonitor ? "  (monitor of an output)" : "")}")];
        });
    }

    /// <summary>One kind of device: a heading and how to list its members (lazily, since listing may ask a server).</summary>
    private sealed record DeviceSection(string Title, Func<IReadOnlyList<string>> List);
}
