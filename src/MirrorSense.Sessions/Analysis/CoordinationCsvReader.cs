using MirrorSense.Sessions.Analysis;
using MirrorSense.Sessions.Readers;

namespace MirrorSense.Sessions.Analysis;

/// <summary>One window of one measure, as in <c>synchrony.csv</c> (times in s; NaN = missing).</summary>
public sealed record WindowRow(string Measure, double StartSeconds, double EndSeconds, double Value, double BestLagSeconds, string? Leader, double PValue);

/// <summary>One episode, as in <c>episodes.csv</c>.</summary>
public sealed record EpisodeRow(string Measure, double StartSeconds, double EndSeconds, double Strength, string? Leader, double LagSeconds);

/// <summary>A window × lag matrix from <c>&lt;measure&gt;.ccf.csv</c>: <c>Values[window, lag]</c>, NaN = missing.</summary>
public sealed record LagMatrixTable(double[] LagSeconds, double[] WindowStartSeconds, double[,] Values);

/// <summary>Reads back the tables <see cref="CoordinationCsv"/> writes: windows, episodes and window × lag matrices.</summary>
public static class CoordinationCsvReader
{
    /// <exception cref="Readers.SeriesFormatException">The file is missing or malformed (named by file:line:column).</exception>
    public static IReadOnlyList<WindowRow> ReadWindows(string path) =>
    [
        .. CsvTable.Read(path, CoordinationCsv.WindowsHeader).Where(r => !r.IsHeader).Select(r =>
            new WindowRow(Name(r), r.Required(1), r.Required(2), r.Number(3), r.Number(4), r.Participant(5, allowEmpty: true), r.Number(6))),
    ];

    /// <exception cref="Readers.SeriesFormatException">The file is missing or malformed (named by file:line:column).</exception>
    public static IReadOnlyList<EpisodeRow> ReadEpisodes(string path) =>
    [
        .. CsvTable.Read(path, CoordinationCsv.EpisodesHeader).Where(r => !r.IsHeader).Select(r =>
            new EpisodeRow(Name(r), r.Required(1), r.Required(2), r.Number(3), r.Participant(4, allowEmpty: true), r.Number(5))),
    ];

    /// <exception cref="Readers.SeriesFormatException">The file is missing or malformed (named by file:line:column).</exception>
    public static LagMatrixTable ReadMatrix(string path)
    {
        double[]? lags = null;
        var starts = new List<double>();
        var rows = new List<double[]>();
        foreach (var row in CsvTable.Read(path, expectedHeader: null, firstColumn: "window_start_s"))
        {
            if (row.IsHeader)
            {
                lags = [.. Enumerable.Range(1, row.Cells.Length - 1).Select(row.Required)];
                continue;
            }

            starts.Add(row.Number(0));
            rows.Add([.. Enumerable.Range(1, row.Cells.Length - 1).Select(row.Number)]);
        }

        lags ??= [];
        var values = new double[rows.Count, lags.Length];
        for (var w = 0; w < rows.Count; w++)
            for (var l = 0; l < lags.Length; l++)
                values[w, l] = rows[w][l];
        return new LagMatrixTable(lags, [.. starts], values);
    }

    private static string Name(CsvRow row) =>
        row.Cells[0].Length > 0 ? row.Cells[0] : throw row.Problem(0, "expected the name of a measure but the cell is empty");
}
