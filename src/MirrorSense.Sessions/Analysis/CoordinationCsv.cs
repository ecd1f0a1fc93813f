using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Sessions.Synchrony;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Sessions.Analysis;

/// <summary>
/// The tidy tables of an analysis: <c>synchrony.csv</c>, one row per measure and window, and
/// <c>episodes.csv</c>, one row per episode. Times in seconds of media time; empty cell = missing.
/// </summary>
public static class CoordinationCsv
{
    public const string WindowsHeader = "measure,window_start_s,window_end_s,value,best_lag_s,leader,p_value";
    public const string EpisodesHeader = "measure,start_s,end_s,strength,leader,lag_s";

    public static void WriteWindows(IEnumerable<CoordinationMeasure> measures, TextWriter writer)
    {
        writer.WriteLine(WindowsHeader);
        foreach (var measure in measures)
            foreach (var w in measure.Windows)
                writer.WriteLine(string.Join(',', measure.Name, Seconds(w.Start), Seconds(w.End), CsvCells.Number(w.Value), CsvCells.Number(w.BestLagSeconds), Leader(w.Leader), CsvCells.Number(w.PValue)));
    }

    public static void WriteEpisodes(IEnumerable<CoordinationMeasure> measures, TextWriter writer)
    {
        writer.WriteLine(EpisodesHeader);
        foreach (var measure in measures)
            foreach (var e in measure.Episodes)
                writer.WriteLine(string.Join(',', measure.Name, Seconds(e.Start), Seconds(e.End), CsvCells.Number(e.Strength), Leader(e.Leader), CsvCells.Number(e.LagSeconds)));
    }

    /// <summary>The file of a measure's window × lag matrix.</summary>
    public static string MatrixFileName(string measure) => measure + ".ccf.csv";

    /// <summary>
    /// <c>&lt;measure&gt;.ccf.csv</c>: the window × lag matrix, one row per window (<c>window_start_s</c>) and one column per lag
    /// from −lag to +lag headed by the lag in seconds (positive: B follows A); empty cell = missing. What the cells
    /// hold is in summary.json under <c>matrices</c> (the table stays a plain CSV for R and pandas).
    /// </summary>
    public static void WriteMatrix(CoordinationMeasure measure, TextWriter writer)
    {
        var matrix = measure.Matrix ?? throw new ArgumentException($"The measure '{measure.Name}' has no window × lag matrix.", nameof(measure));
        writer.WriteLine(string.Join(',', ["window_start_s", .. matrix.LagSeconds.Select(l => l.ToString("0.###", CultureInfo.InvariantCulture))]));
        for (var w = 0; w < matrix.Rows.Length; w++)
        {
            var start = w < measure.Windows.Length ? Seconds(measure.Windows[w].Start) : "";
            writer.WriteLine(string.Join(',', [start, .. matrix.Rows[w].Select(CsvCells.Number)]));
        }
    }

    public static string Leader(Participant? leader) => leader?.ToString() ?? "";

    private static string Seconds(MediaTime time) => time.Seconds.ToString("0.######", CultureInfo.InvariantCulture);
}
