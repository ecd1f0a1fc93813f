using Xunit;

namespace MirrorSense.Testing;

/// <summary>
/// Where the reference data of ../shared/data lives. It is never part of the repository: tests read
/// its location from MIRRORSENSE_REFERENCE_DATA and report themselves skipped, with the reason, when
/// it is unset or incomplete.
/// </summary>
public static class ReferenceData
{
    public const string Variable = "MIRRORSENSE_REFERENCE_DATA";

    /// <summary>The absolute path of a file or folder under the reference data; skips the calling test when unavailable.</summary>
    public static string Require(params string[] relativePath)
    {
        var root = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrWhiteSpace(root), $"{Variable} is not set; this test compares against the reference data in ../shared/data.");
        var path = Path.GetFullPath(Path.Combine([root!, .. relativePath]));
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"{Variable}={root} has no '{Path.Combine(relativePath)}'.");
        return path;
    }
}
