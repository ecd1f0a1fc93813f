namespace MirrorSense.Testing;

/// <summary>Where a command-line tool is on the PATH, so a test can skip, saying why, when it is missing.</summary>
public static class ToolPath
{
    /// <summary>The tool's full path; null when no PATH folder holds it.</summary>
    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
