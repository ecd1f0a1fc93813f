using System.Collections.Immutable;
using System.Text;
using MirrorSense.Core;

namespace MirrorSense.Sessions.Readers;

/// <summary>
/// The table walk every text format shares: a header line, then one row per sample, of which the two
/// selected cells become A and B. Formats differ only in how a line is cut into cells.
/// </summary>
internal static class ColumnPairReader
{
    private const string MissingSpelling = "a number or a missing value (empty, NA, NaN)";

    /// <param name="splitterForHeader">Chooses how lines are cut, from the header line (some formats infer their delimiter from it).</param>
    public static DyadSeries Read(string path, double sampleRate, ColumnSelection columns, Func<string, ILineSplitter> splitterForHeader)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        // Checked before touching the file, so a wiring mistake is not reported as a file problem.
        if (!(sampleRate > 0) || double.IsInfinity(sampleRate))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be a positive number of samples per second.");

        try
        {
            using var reader = Open(path);
            return ReadTable(reader, path, sampleRate, columns, splitterForHeader);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new SeriesFormatException(path, null, null, $"expected a readable file but reading failed: {e.Message}", e);
        }
    }

    private static StreamReader Open(string path)
    {
        try
        {
            // Sequential scan with a large buffer: series files are read once, front to back.
            var options = new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 1 << 16, Options = FileOptions.SequentialScan };
            return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, options);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SeriesFormatException(path, null, null, "expected a series file but there is no such file", e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new SeriesFormatException(path, null, null, $"expected a readable file but it could not be opened: {e.Message}", e);
        }
    }

    private static DyadSeries ReadTable(StreamReader reader, string path, double sampleRate, ColumnSelection columns, Func<string, ILineSplitter> splitterForHeader)
    {
        var lineNumber = 0;
        string? line;
        do
        {
            line = reader.ReadLine();
            lineNumber++;
        }
        while (line is not null && string.IsNullOrWhiteSpace(line));
        if (line is null)
            throw new SeriesFormatException(path, 1, null, "expected a header line but the file is empty");

        var splitter = splitterForHeader(line);
        var cells = new List<Range>(8);
        Split(splitter, line, cells, path, lineNumber);
        var header = new HeaderRow(path, lineNumber, [.. cells.Select(cell => CellText.Name(line.AsSpan()[cell]))]);
        var a = header.Resolve(columns.A);
        var b = header.Resolve(columns.B);

        var seriesA = ImmutableArray.CreateBuilder<double>();
        var seriesB = ImmutableArray.CreateBuilder<double>();
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (splitter.IsBlank(line))
                continue;
            Split(splitter, line, cells, path, lineNumber);
            if (cells.Count != header.Count)
                throw Ragged(path, lineNumber, header, cells.Count);
            seriesA.Add(Value(line, cells[a], a, header, path, lineNumber));
            seriesB.Add(Value(line, cells[b], b, header, path, lineNumber));
        }
        if (seriesA.Count == 0)
            throw new SeriesFormatException(path, header.Line + 1, null, $"expected data rows after the header (line {header.Line}) but found none");

        return new DyadSeries(NameOf(path), sampleRate, seriesA.DrainToImmutable(), seriesB.DrainToImmutable());
    }

    private static void Split(ILineSplitter splitter, string line, List<Range> cells, string path, int lineNumber)
    {
        if (!splitter.TrySplit(line, cells))
            throw new SeriesFormatException(path, lineNumber, cells.Count,
                $"expected a closing quote in column {cells.Count} but the line ends first: {CellText.Show(line.AsSpan()[cells[^1]])}");
    }

    private static double Value(string line, Range cell, int column, HeaderRow header, string path, int lineNumber)
    {
        var text = line.AsSpan()[cell];
        if (CellText.TryParseValue(text, out var value))
            return value;
        // The most common cause by far is a spreadsheet export with decimal commas; say so.
        var hint = text.Contains(',') ? " (numbers need a decimal point; decimal commas are not read)" : "";
        throw new SeriesFormatException(path, lineNumber, column + 1,
            $"expected {MissingSpelling} in column {header.Describe(column)} but found {CellText.Show(text)}{hint}");
    }

    private static SeriesFormatException Ragged(string path, int lineNumber, HeaderRow header, int found) =>
        // Point at the first extra cell, or at the first one that is missing.
        new(path, lineNumber, Math.Min(found, header.Count) + 1,
            $"expected {header.Count} columns as in the header (line {header.Line}) but found {found}");

    private static string NameOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return string.IsNullOrWhiteSpace(name) ? Path.GetFileName(path) : name;
    }
}
