using System.Globalization;
using MirrorSense.Sessions.Readers;

namespace MirrorSense.Sessions.Readers;

/// <summary>
/// Streams one of analyze's own comma tables (no quoted cells): checks the header, then yields each
/// non-empty row with its line number. Every problem is a <see cref="SeriesFormatException"/> naming
/// <c>file:line:column</c>, what was expected and what was found.
/// </summary>
internal static class CsvTable
{
    /// <param name="expectedHeader">The exact header; null to accept any header whose first cell is <paramref name="firstColumn"/>.</param>
    /// <param name="length">Read only this many bytes (the whole rows of a table a crash tore); null: all of it.</param>
    public static IEnumerable<CsvRow> Read(string path, string? expectedHeader, string? firstColumn = null, long? length = null) =>
        expectedHeader is not null
            ? Read(path, [expectedHeader], length)
            : Read(path, header => header[0] == firstColumn, firstColumn + ",…", length);

    /// <summary>A table that may come in one of several layouts, told apart by the header.</summary>
    public static IEnumerable<CsvRow> Read(string path, IReadOnlyList<string> acceptedHeaders, long? length = null) =>
        Read(path, header => acceptedHeaders.Contains(string.Join(',', header)), string.Join("' or '", acceptedHeaders), length);

    private static IEnumerable<CsvRow> Read(string path, Func<string[], bool> fits, string expected, long? length)
    {
        if (!File.Exists(path))
            throw new SeriesFormatException(path, null, null, "no such file");
        return Rows(path, fits, expected, length);
    }

    private static IEnumerable<CsvRow> Rows(string path, Func<string[], bool> fits, string expected, long? length)
    {
        using var reader = TableText.Open(path, length);
        var header = reader.ReadLine()?.Split(',');
        if (header is null)
            throw new SeriesFormatException(path, 1, null, $"expected the header '{expected}' but the file is empty");
        if (!fits(header))
            throw new SeriesFormatException(path, 1, null, $"expected the header '{expected}' but found '{string.Join(',', header)}'");

        yield return new CsvRow(path, 1, header, header);
        var line = 1;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (text.Length == 0)
                continue;
            var cells = text.Split(',');
            if (cells.Length != header.Length)
                throw new SeriesFormatException(path, line, null, $"expected {header.Length} columns ({string.Join(',', header)}) but found {cells.Length}");
            yield return new CsvRow(path, line, header, cells);
        }
    }
}

/// <summary>One row of a <see cref="CsvTable"/>; line 1 is the header itself.</summary>
internal readonly record struct CsvRow(string Path, int Line, string[] Header, string[] Cells)
{
    public bool IsHeader => Line == 1;

    /// <summary>The number in a column; an empty cell is missing (NaN).</summary>
    public double Number(int column)
    {
        var cell = Cells[column];
        if (cell.Length == 0)
            return double.NaN;
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Problem(column, $"expected a number in column {Header[column]} but found '{cell}'");
    }

    /// <summary>A number that must be present (times).</summary>
    public double Required(int column)
    {
        var value = Number(column);
        return double.IsNaN(value) ? throw Problem(column, $"expected a number in column {Header[column]} but the cell is empty") : value;
    }

    /// <summary>"A", "B" or an empty cell (no leader).</summary>
    public string? Participant(int column, bool allowEmpty) => Cells[column] switch
    {
        "A" => "A",
        "B" => "B",
        "" when allowEmpty => null,
        var other => throw Problem(column, $"expected {(allowEmpty ? "A, B or an empty cell" : "A or B")} in column {Header[column]} but found '{other}'"),
    };

    public SeriesFormatException Problem(int column, string problem) => new(Path, Line, column + 1, problem);
}
