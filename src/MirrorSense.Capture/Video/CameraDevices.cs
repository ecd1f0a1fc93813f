namespace MirrorSense.Capture.Video;

/// <summary>The cameras this machine has: on Linux the V4L2 device nodes /dev/video*.</summary>
public static class CameraDevices
{
    public static IReadOnlyList<string> List(string folder = "/dev")
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(folder))
            return [];
        return [.. Directory.EnumerateFileSystemEntries(folder, "video*")
            .Where(p => int.TryParse(Path.GetFileName(p)[5..], out _))
            .OrderBy(p => int.Parse(Path.GetFileName(p)[5..], System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>"/dev/video0, /dev/video2" or "none", for error messages.</summary>
    public static string Describe(IReadOnlyList<string> devices) => devices.Count == 0 ? "none" : string.Join(", ", devices);
}
