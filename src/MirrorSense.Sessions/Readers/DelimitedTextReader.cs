using MirrorSense.Core;

namespace MirrorSense.Sessions.Readers;

/// <summary>
/// CSV and TSV tables with a header line and RFC-4180 quotes; empty cells, <c>NA</c> and <c>NaN</c>
/// are missing.
/// </summary>
public sealed class DelimitedTextReader : IDyadSeriesFileReader
{
    private readonly char delimiter;
    private readonly char? fallbackDelimiter;

    private DelimitedTextReader(char delimiter, char? fallbackDelimiter)
    {
        this.delimiter = delimiter;
        this.fallbackDelimiter = fallbackDelimiter;
    }

    /// <summary>Comma-separated; semicolon-separated when the header has semicolons but no comma (European spreadsheet exports).</summary>
    public static DelimitedTextReader Csv { get; } = new(',', ';');

    /// <summary>Tab-separated.</summary>
    public static DelimitedTextReader Tsv { get; } = new('\t', null);

    public DyadSeries Read(string path, double sampleRate, ColumnSelection columns) =>
        ColumnPairReader.Read(path, sampleRate, columns, header => new DelimitedLineSplitter(DelimiterFor(header)));

    private char DelimiterFor(string header) =>
        fallbackDelimiter is char fallback && !header.Contains(delimiter) && header.Contains(fallback) ? fallback : delimiter;
}
