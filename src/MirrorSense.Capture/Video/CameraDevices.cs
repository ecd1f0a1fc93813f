using System.Globalization;
using OpenCvSharp;

namespace MirrorSense.Capture.Video;

/// <summary>
/// The cameras this machine has: on Linux the V4L2 devices sysfs lists (with their names), elsewhere the
/// OpenCV indices that open, probing the first few.
/// </summary>
public static class CameraDevices
{
    /// <summary>OpenCV indices probed where there is no device list to read.</summary>
    public const int ProbedIndices = 4;

    public static IReadOnlyList<CameraDevice> Find() => OperatingSystem.IsLinux() ? Video4LinuxDevices.List() : ProbeOpenCv(ProbedIndices);

    /// <summary>Opens OpenCV's cameras 0 … <paramref name="count"/> − 1 one after another and keeps those that open.</summary>
    public static IReadOnlyList<CameraDevice> ProbeOpenCv(int count)
    {
        var found = new List<CameraDevice>();
        for (var index = 0; index < count; index++)
        {
            using var capture = new VideoCapture(index);
            if (capture.IsOpened())
                found.Add(new CameraDevice(index.ToString(CultureInfo.InvariantCulture), $"camera {index}, {capture.FrameWidth}×{capture.FrameHeight}"));
        }

        return found;
    }

    /// <summary>The V4L2 device nodes /dev/video* in numeric order (no names; for when sysfs is not readable).</summary>
    public static IReadOnlyList<string> List(string folder = "/dev")
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(folder))
            return [];
        return [.. Directory.EnumerateFileSystemEntries(folder, "video*")
            .Where(p => int.TryParse(Path.GetFileName(p)[5..], out _))
            .OrderBy(p => int.Parse(Path.GetFileName(p)[5..], CultureInfo.InvariantCulture))];
    }

    /// <summary>The cameras for error messages: named ones when sysfs lists them, else the bare device nodes.</summary>
    public static IReadOnlyList<string> Describe()
    {
        var named = Find();
        return named.Count > 0 ? [.. named.Select(c => c.ToString())] : List();
    }

    /// <summary>"/dev/video0, /dev/video2" or "none", for error messages.</summary>
    public static string Describe(IReadOnlyList<string> devices) => devices.Count == 0 ? "none" : string.Join(", ", devices);
}
