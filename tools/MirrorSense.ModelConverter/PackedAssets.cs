using System.Text.Json;
using System.Text.RegularExpressions;

namespace MirrorSense.ModelConverter;

/// <summary>
/// An Emscripten packed-assets bundle (`*_packed_assets.data`): several files concatenated, their byte
/// ranges listed only in the loader script beside it (`loadPackage({"files": [{"filename", "start",
/// "end"}, …], "remote_package_size": …})`). The ranges are read from that script, not assumed, so a
/// repacked bundle is either read correctly or rejected.
/// </summary>
public static partial class PackedAssets
{
    /// <summary>The loader script Emscripten's file packager writes for a bundle: "x_packed_assets.data" → "x_packed_assets_loader.js".</summary>
    public static string LoaderOf(string bundleFile) =>
        bundleFile.EndsWith(".data", StringComparison.Ordinal)
            ? bundleFile[..^".data".Length] + "_loader.js"
            : throw new ArgumentException($"'{bundleFile}' is not a packed-assets bundle (*.data).", nameof(bundleFile));

    /// <summary>The bytes of the file named <paramref name="fileName"/> (the last path segment) inside the bundle.</summary>
    public static ReadOnlyMemory<byte> Extract(ReadOnlyMemory<byte> bundle, string loaderScript, string fileName)
    {
        var match = PackageLiteral().Match(loaderScript);
        if (!match.Success)
        {
            throw new InvalidDataException("The loader script has no loadPackage({\"files\": …}) call.");
        }

        using var json = JsonDocument.Parse(match.Groups["json"].Value);
        var root = json.RootElement;
        if (root.TryGetProperty("remote_package_size", out var size) && size.GetInt64() != bundle.Length)
        {
            throw new InvalidDataException($"The loader script describes a bundle of {size.GetInt64()} bytes; this one has {bundle.Length}.");
        }

        var entries = root.GetProperty("files").EnumerateArray()
            .Where(entry => Path.GetFileName(entry.GetProperty("filename").GetString()) == fileName)
            .ToArray();
        if (entries.Length != 1)
        {
            throw new InvalidDataException($"The loader script lists '{fileName}' {entries.Length} times; expected once.");
        }

        var (start, end) = (entries[0].GetProperty("start").GetInt64(), entries[0].GetProperty("end").GetInt64());
        if (start < 0 || end <= start || end > bundle.Length)
        {
            throw new InvalidDataException($"'{fileName}' is listed at [{start}, {end}), outside the {bundle.Length}-byte bundle.");
        }

        return bundle.Slice((int)start, (int)(end - start));
    }

    [GeneratedRegex(@"loadPackage\((?<json>\{""files"".*?\})\)", RegexOptions.Singleline)]
    private static partial Regex PackageLiteral();
}
