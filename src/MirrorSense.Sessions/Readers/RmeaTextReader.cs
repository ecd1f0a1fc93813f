using MirrorSense.Core;

namespace MirrorSense.Sessions.Readers;

/// <summary>
/// rMEA motion-energy text files as <c>readMEA(..., skip = 1)</c> reads them: one header line, then
/// columns separated by runs of spaces or tabs, <c>NA</c> for missing values.
/// </summary>
public sealed class RmeaTextReader : IDyadSeriesFileReader
{
    public DyadSeries Read(string path, double sampleRate, ColumnSelection columns) =>
        ColumnPairReader.Read(path, sampleRate, columns, SplitterFor);

    // A tab in the header marks a tab-separated export (e.g. from a spreadsheet): there every tab
    // separates, so two tabs in a row or a trailing tab is an empty (missing) cell. Otherwise runs of
    // whitespace separate, as in the files rMEA ships, and no cell can be empty.
    private static ILineSplitter SplitterFor(string header) =>
        header.Contains('\t') ? new DelimitedLineSplitter('\t') : new WhitespaceLineSplitter();
}
