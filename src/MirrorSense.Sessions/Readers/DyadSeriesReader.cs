using MirrorSense.Core;

namespace MirrorSense.Sessions.Readers;

/// <summary>Picks the reader for a series file by its extension.</summary>
public static class DyadSeriesReader
{
    /// <summary>The extensions <see cref="ForPath"/> knows, lower case with the dot.</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".txt", ".csv", ".tsv", ".tab"];

    /// <summary>Reads a dyad from a .txt (rMEA), .csv or .tsv/.tab file; columns default to the first two.</summary>
    /// <exception cref="SeriesFormatException">Unsupported extension, or the file cannot be read as a dyad.</exception>
    public static DyadSeries Read(string path, double sampleRate, ColumnSelection? columns = null) =>
        ForPath(path).Read(path, sampleRate, columns ?? ColumnSelection.Default);

    /// <exception cref="SeriesFormatException">The extension is not one of <see cref="SupportedExtensions"/>.</exception>
    public static IDyadSeriesFileReader ForPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".txt" => new RmeaTextReader(),
            ".csv" => DelimitedTextReader.Csv,
            ".tsv" or ".tab" => DelimitedTextReader.Tsv,
            var other => throw new SeriesFormatException(path, null, null,
                $"expected one of the extensions {string.Join(", ", SupportedExtensions)} but found \"{other}\""),
        };
    }
}
