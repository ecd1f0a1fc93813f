using MirrorSense.Synchrony.CrossCorrelation;

namespace MirrorSense.Sessions.Synchrony;

/// <summary>
/// The tidy CSV outputs of <c>mirrorsense sync</c>: the window × lag matrix per dyad, per-window
/// summaries, and the one-row-per-dyad summary table. Numbers are round-trip precise; missing is empty.
/// </summary>
public static class SynchronyCsvWriter
{
    public static readonly string[] SummaryColumns =
        ["dyad", "n_windows", "grand_mean", "lag0_mean", "all_lags_mean", "s1_lead_mean", "s2_lead_mean", "best_lag_median_s"];

    /// <summary><c>window</c> (1-based, rMEA's w1, w2...) then one column per lag from −lag to +lag, headed by the lag in seconds.</summary>
    public static void WriteMatrix(CrossCorrelationResult result, TextWriter writer)
    {
        var settings = result.Settings;
        writer.Write("window");
        for (var j = 0; j < settings.LagCount; j++)
            writer.Write("," + CsvCells.Number(settings.LagSecondsAt(j)));
        writer.WriteLine();
        foreach (var window in result.Windows)
        {
            writer.Write(CsvCells.Number(window.Index + 1));
            foreach (var value in window.Values)
                writer.Write("," + CsvCells.Number(value));
            writer.WriteLine();
        }
    }

    /// <summary>One row per window: its time span, rMEA's summaries and the Boker peak nearest lag 0.</summary>
    public static void WriteWindows(CrossCorrelationResult result, TextWriter writer)
    {
        writer.WriteLine("window,start_s,end_s,lag0,all_lags,s1_lead,s2_lead,best_lag_s,peak_lag_s,peak_value");
        foreach (var window in result.Windows)
        {
            var s = window.Summary;
            var peak = PeakPicking.NearestToZero(window, result.Settings);
            writer.WriteLine(string.Join(",",
                CsvCells.Number(window.Index + 1), CsvCells.Number(window.Start.Seconds), CsvCells.Number(window.End.Seconds),
                CsvCells.Number(s.Lag0), CsvCells.Number(s.AllLags), CsvCells.Number(s.S1Lead), CsvCells.Number(s.S2Lead),
                CsvCells.Number(s.BestLagSeconds), CsvCells.Number(peak?.LagSeconds ?? double.NaN), CsvCells.Number(peak?.Value ?? double.NaN)));
        }
    }

    public static void WriteSummaryHeader(TextWriter writer, params string[] leadingColumns) =>
        writer.WriteLine(string.Join(",", leadingColumns.Concat(SummaryColumns)));

    public static void WriteSummaryRow(TextWriter writer, string dyad, SessionSummary summary, params string[] leadingCells) =>
        writer.WriteLine(string.Join(",", leadingCells.Select(CsvCells.Text).Concat(
        [
            CsvCells.Text(dyad), CsvCells.Number(summary.WindowCount), CsvCells.Number(summary.GrandMean), CsvCells.Number(summary.Lag0Mean),
            CsvCells.Number(summary.AllLagsMean), CsvCells.Number(summary.S1LeadMean), CsvCells.Number(summary.S2LeadMean),
            CsvCells.Number(summary.BestLagMedianSeconds),
        ])));
}
