using System.Globalization;

namespace MirrorSense.Capture.Video;

/// <summary>
/// The V4L2 video devices the Linux kernel lists in sysfs: one folder (a link) per node under
/// /sys/class/video4linux, named videoN, holding <c>name</c> (the driver's name of the device),
/// <c>index</c> (0 for a device's first node, 1… for further nodes such as UVC metadata) and
/// <c>uevent</c> (whose DEVNAME= line gives the node under /dev). Radio, VBI and sub-device nodes are not cameras and are skipped.
/// </summary>
public static class Video4LinuxDevices
{
    public const string SysfsFolder = "/sys/class/video4linux";

    public static IReadOnlyList<CameraDevice> List(string sysfsFolder = SysfsFolder, string devFolder = "/dev")
    {
        if (!Directory.Exists(sysfsFolder))
            return [];
        return [.. Directory.EnumerateDirectories(sysfsFolder, "video*")
            .Select(folder => (Folder: folder, Number: NodeNumber(Path.GetFileName(folder))))
            .Where(node => node.Number is not null)
            .OrderBy(node => node.Number)
            .Select(node => Read(node.Folder, devFolder))];
    }

    private static int? NodeNumber(string entry) =>
        int.TryParse(entry.AsSpan("video".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static CameraDevice Read(string folder, string devFolder)
    {
        var entry = Path.GetFileName(folder);
        var name = ReadLine(folder, "name") is { Length: > 0 } given ? given : "(unnamed)";
        var index = int.TryParse(ReadLine(folder, "index"), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0;
        var devName = ReadLines(folder, "uevent")
            .Select(line => line.Trim())
            .FirstOrDefault(line => line.StartsWith("DEVNAME=", StringComparison.Ordinal))?["DEVNAME=".Length..];
        var device = Path.Combine(devFolder, string.IsNullOrEmpty(devName) ? entry : devName);
        return new CameraDevice(device, name, ExtraNode: index > 0);
    }

    private static string? ReadLine(string folder, string attribute) => ReadLines(folder, attribute).FirstOrDefault()?.Trim();

    /// <summary>A sysfs attribute's lines; none when the attribute is absent or the kernel refuses to read it.</summary>
    private static string[] ReadLines(string folder, string attribute)
    {
        try
        {
            return File.ReadAllLines(Path.Combine(folder, attribute));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
