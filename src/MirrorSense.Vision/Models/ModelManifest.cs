using System.Text.RegularExpressions;

namespace MirrorSense.Vision.Models;

/// <summary>
/// The expected sha256 of each model file, from the checksum block of models/MODELS.md
/// (lines "&lt;sha256&gt;  &lt;file&gt;" in sha256sum format between <c>```sha256</c> and <c>```</c>).
/// The build embeds that MODELS.md, so a program checks its models against the checksums it was built with.
/// </summary>
public static partial class ModelManifest
{
    private const string ResourceName = "MirrorSense.Vision.MODELS.md";

    /// <summary>The checksums this program was built with.</summary>
    public static IReadOnlyDictionary<string, string> BuiltIn { get; } = ReadBuiltIn();

    /// <summary>File name → lower-case hex sha256, from the text of a MODELS.md.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        var inBlock = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!inBlock)
            {
                inBlock = line.Trim() == "```sha256";
                continue;
            }

            if (line.Trim() == "```")
                break;
            var match = ChecksumLine().Match(line);
            if (match.Success)
                sums[match.Groups["file"].Value] = match.Groups["sha"].Value.ToLowerInvariant();
        }

        return sums;
    }

    private static IReadOnlyDictionary<string, string> ReadBuiltIn()
    {
        using var stream = typeof(ModelManifest).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The build did not embed {ResourceName}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    [GeneratedRegex(@"^(?<sha>[0-9a-fA-F]{64}) [ *](?<file>\S.*)$")]
    private static partial Regex ChecksumLine();
}
