using System.Text.Json;
using System.Text.Json.Nodes;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Sessions.Analysis;

/// <summary>What <c>summary.json</c> says about one analysed session.</summary>
/// <param name="Inputs">The input files by role (video, video_a, audio_b, …).</param>
/// <param name="Parameters">The run's own parameters (start, end, offsets), as shown to the user.</param>
/// <param name="Complete">False when the run was stopped or failed part-way: the measures cover what was processed.</param>
public sealed record AnalysisSummary(
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, double?> Parameters,
    CoordinationSettings Settings,
    CoordinationReport Report,
    TimeSpan AnalysedDuration,
    IReadOnlyList<string> Warnings,
    bool Complete)
{
    /// <summary>Wall seconds per stage (e.g. body_s, voice_a_s, measures_s, total_s), when the run measured them.</summary>
    public IReadOnlyDictionary<string, double?> Timing { get; init; } = new Dictionary<string, double?>();
}

/// <summary>
/// Writes <c>summary.json</c>: for each measure under <c>measures</c> its value, p_value, p_adjusted (Holm, across
/// the session's measures), significant (p_value &lt; .05),
/// best_lag_s (positive: B follows A), leader ("A", "B" or null), lag_at_edge (true when the best lag is the edge of
/// the searched range, which then names no leader; null for measures without lags) and details; measures that could not be
/// computed under <c>missing</c> with the reason, and for each window × lag matrix under <c>matrices</c> its file
/// and what its cells hold (<c>cells</c>, <c>description</c>, and the range <c>low</c>–<c>high</c>). Missing numbers are null.
/// </summary>
public static class AnalysisSummaryJson
{
    public static void Write(AnalysisSummary summary, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var settings = summary.Settings;
        var root = new JsonObject
        {
            ["tool"] = "mirrorsense analyze",
            ["complete"] = summary.Complete,
            ["analysed_s"] = summary.AnalysedDuration.TotalSeconds,
            ["inputs"] = new JsonObject([.. summary.Inputs.Select(i => KeyValuePair.Create(i.Key, (JsonNode?)i.Value))]),
            ["parameters"] = new JsonObject([.. summary.Parameters.Select(p => KeyValuePair.Create(p.Key, p.Value is { } v ? Number(v) : null))]),
            ["settings"] = JsonSerializer.SerializeToNode(settings, CoordinationSettingsJson.Options),
            ["measures"] = new JsonObject([.. summary.Report.Measures.Select(m => KeyValuePair.Create(m.Name, (JsonNode?)Measure(m)))]),
            ["matrices"] = new JsonObject([.. summary.Report.Measures.Where(m => m.Matrix is not null).Select(m => KeyValuePair.Create(m.Name, (JsonNode?)Matrix(m.Name, m.Matrix!.Cells)))]),
            ["missing"] = new JsonObject([.. summary.Report.Missing.Select(m => KeyValuePair.Create(m.Name, (JsonNode?)m.Reason))]),
            ["warnings"] = new JsonArray([.. summary.Warnings.Select(w => (JsonNode)w)]),
            ["timing"] = new JsonObject([.. summary.Timing.Select(t => KeyValuePair.Create(t.Key, t.Value is { } v ? Number(v) : null))]),
        };
        writer.Write(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        writer.WriteLine();
    }

    private static JsonObject Measure(CoordinationMeasure measure)
    {
        var node = new JsonObject
        {
            ["value"] = Number(measure.Value),
            ["p_value"] = Number(measure.PValue),
            ["p_adjusted"] = Number(measure.PAdjusted),
            ["significant"] = double.IsNaN(measure.PValue) ? null : measure.Significant,
            ["best_lag_s"] = Number(measure.BestLagSeconds),
            ["leader"] = measure.Leader?.ToString(),
            ["lag_at_edge"] = measure.Lags is null ? null : measure.LagAtEdge,
        };
        foreach (var (name, value) in measure.Details)
            node[name] = Number(value);
        node["n_windows"] = measure.Windows.Length;
        node["missing_windows"] = measure.Windows.Count(w => double.IsNaN(w.Value));
        node["episodes"] = measure.Episodes.Length;
        return node;
    }

    private static JsonObject Matrix(string measure, LagMatrixCells cells) => new()
    {
        ["file"] = CoordinationCsv.MatrixFileName(measure),
        ["cells"] = cells.Name,
        ["description"] = cells.Description,
        ["low"] = Number(cells.Low),
        ["high"] = Number(cells.High),
    };

    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
