using System.Globalization;

namespace MirrorSense.Bench.Calibration;

/// <summary>
/// The harness's verdict as a Markdown table: per measure and kind, how often the measure called a session
/// significant at α = .05 (the false-positive rate on nulls, the power on effects) with its exact 95 % interval,
/// how often an effect's best lag fell within the tolerance of the designed one, and all nulls pooled per measure.
/// </summary>
public static class CalibrationTable
{
    public const double LagTolerance = 0.15;

    public static void Write(IReadOnlyList<CalibrationOutcome> outcomes, TextWriter to)
    {
        to.WriteLine("| measure | sessions | kind | tested | significant at α = .05 (95 % interval) | best lag within ±0.15 s | best lag at edge | live meter: mean of session means (SD; sessions at 40–60) |");
        to.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var measure in outcomes.GroupBy(o => o.Measure).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var kind in measure.GroupBy(o => (o.IsNull, o.Kind)).OrderBy(g => g.Key.IsNull ? 0 : 1).ThenBy(g => g.Key.Kind, StringComparer.Ordinal))
                Row(to, measure.Key, kind.Key.IsNull ? "null" : "effect", kind.Key.Kind, [.. kind]);
            var nulls = measure.Where(o => o.IsNull).ToArray();
            if (nulls.Length > 0)
                Row(to, measure.Key, "**all nulls**", "**false-positive rate**", nulls);
        }
    }

    /// <summary>Every outcome as a CSV row, so a run can be re-read and re-tabulated.</summary>
    public static void WriteCsv(IEnumerable<CalibrationOutcome> outcomes, TextWriter to)
    {
        to.WriteLine("measure,kind,null,seed,seconds,p,best_lag_s,designed_lag_s,lag_at_edge,live_index");
        foreach (var o in outcomes)
            to.WriteLine(string.Join(',', o.Measure, o.Kind, o.IsNull ? "1" : "0", Number(o.Seed), Number(o.Seconds), Number(o.PValue), Number(o.BestLagSeconds), Number(o.DesignedLagSeconds), o.LagAtEdge ? "1" : "0", Number(o.LiveIndex)));
    }

    private static void Row(TextWriter to, string measure, string sessions, string kind, IReadOnlyList<CalibrationOutcome> outcomes)
    {
        var tested = outcomes.Where(o => o.Tested).ToArray();
        var significant = BinomialInterval.Of(tested.Count(o => o.Significant), tested.Length);
        var lagged = tested.Where(o => !double.IsNaN(o.DesignedLagSeconds)).ToArray();
        var lagFound = lagged.Length == 0 ? "" : BinomialInterval.Of(lagged.Count(o => o.LagFound(LagTolerance)), lagged.Length).ToString();
        var atEdge = tested.Length == 0 ? "" : $"{tested.Count(o => o.LagAtEdge)}";
        to.WriteLine($"| {measure} | {sessions} | {kind} | {tested.Length} of {outcomes.Count} | {significant} | {lagFound} | {atEdge} | {LiveMeter(outcomes)} |");
    }

    /// <summary>The live meter's session means over these sessions: their mean, spread, and how many fell at 40–60 (chance ± 10).</summary>
    private static string LiveMeter(IReadOnlyList<CalibrationOutcome> outcomes)
    {
        var means = outcomes.Select(o => o.LiveIndex).Where(double.IsFinite).ToArray();
        if (means.Length == 0)
            return "";
        var mean = means.Average();
        var sd = means.Length > 1 ? Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / (means.Length - 1)) : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{mean:0.0} ({sd:0.0}; {means.Count(m => m is >= 40 and <= 60)} of {means.Length})");
    }

    private static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);
}
