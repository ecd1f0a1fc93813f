using System.Text.Json;
using MirrorSense.Sessions.Readers;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Sessions.Analysis;

/// <summary>One measure of <c>summary.json</c>; null = not computed.</summary>
/// <param name="Details">The other numbers of the measure (e.g. mirrored_similarity), in file order.</param>
public sealed record MeasureSummary(string Name, double? Value, double? PValue, bool? Significant, double? BestLagSeconds, string? Leader, IReadOnlyList<KeyValuePair<string, double?>> Details)
{
    /// <summary>The p-value adjusted by Holm's method across the session's measures (null in summaries written before it).</summary>
    public double? PAdjusted { get; init; }

    /// <summary>True when the best lag lies at the edge of the searched lags (null for measures without lags).</summary>
    public bool? LagAtEdge { get; init; }

    /// <summary>Beyond chance once the session's several tests are accounted for: adjusted p below .05 (raw p where there is no adjusted one).</summary>
    public bool? SignificantAfterAdjustment => PAdjusted is { } adjusted ? adjusted < CoordinationMeasure.SignificanceLevel : Significant;

    public double? Detail(string name) => Details.FirstOrDefault(d => d.Key == name).Value;
}

/// <summary>What the report needs from <c>summary.json</c>.</summary>
public sealed record SummaryDocument(
    IReadOnlyList<KeyValuePair<string, string>> Inputs,
    double StartSeconds,
    double AnalysedSeconds,
    bool Complete,
    IReadOnlyList<MeasureSummary> Measures,
    IReadOnlyList<KeyValuePair<string, string>> Missing,
    IReadOnlyList<string> Warnings)
{
    /// <summary>What each measure's window × lag matrix holds, by measure; empty for summaries written before analyze recorded it.</summary>
    public IReadOnlyDictionary<string, LagMatrixCells> Matrices { get; init; } = new Dictionary<string, LagMatrixCells>();

    /// <summary>Whether A sat on the viewer's left (the proximity settings' <c>a_sits_left</c>; true when the summary does not say).</summary>
    public bool ASitsLeft { get; init; } = true;
}

/// <summary>Reads back the <c>summary.json</c> that <see cref="Analysis.AnalysisSummaryJson"/> writes.</summary>
public static class SummaryJsonReader
{
    private static readonly string[] Headline = ["value", "p_value", "p_adjusted", "significant", "best_lag_s", "leader", "lag_at_edge"];

    /// <exception cref="SeriesFormatException">The file is missing, is not JSON, or lacks what a summary has (named by file and line).</exception>
    public static SummaryDocument Read(string path)
    {
        if (!File.Exists(path))
            throw new SeriesFormatException(path, null, null, "no such file");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException error)
        {
            throw new SeriesFormatException(path, (int?)error.LineNumber + 1, null, $"expected the JSON of an analysis summary but it does not parse ({error.Message})", error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("measures", out var measures) || measures.ValueKind != JsonValueKind.Object)
                throw new SeriesFormatException(path, null, null, "expected an analysis summary with a 'measures' object but found none");
            return new SummaryDocument(
                Texts(root, "inputs"),
                Number(root, "parameters", "start_s") ?? 0,
                Number(root, "analysed_s") ?? 0,
                root.TryGetProperty("complete", out var complete) && complete.ValueKind == JsonValueKind.True,
                [.. measures.EnumerateObject().Select(m => Measure(path, m))],
                Texts(root, "missing"),
                root.TryGetProperty("warnings", out var warnings) && warnings.ValueKind == JsonValueKind.Array
                    ? [.. warnings.EnumerateArray().Select(w => w.ToString())]
                    : [])
            {
                Matrices = Matrices(path, root),
                ASitsLeft = !(root.TryGetProperty("settings", out var settings) && settings.ValueKind == JsonValueKind.Object
                    && settings.TryGetProperty("proximity", out var proximity) && proximity.ValueKind == JsonValueKind.Object
                    && proximity.TryGetProperty("a_sits_left", out var left) && left.ValueKind == JsonValueKind.False),
            };
        }
    }

    private static Dictionary<string, LagMatrixCells> Matrices(string path, JsonElement root)
    {
        var matrices = new Dictionary<string, LagMatrixCells>();
        if (!root.TryGetProperty("matrices", out var node) || node.ValueKind != JsonValueKind.Object)
            return matrices;
        foreach (var matrix in node.EnumerateObject())
        {
            var cells = matrix.Value;
            string Text(string name) => cells.ValueKind == JsonValueKind.Object && cells.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : throw new SeriesFormatException(path, null, null, $"expected matrices.{matrix.Name}.{name} to be a text but found none");
            double Limit(string name) => cells.TryGetProperty(name, out var v) ? Value(path, $"matrices.{matrix.Name}", name, v) ?? double.NaN : double.NaN;
            matrices[matrix.Name] = new LagMatrixCells(Text("cells"), Text("description"), Limit("low"), Limit("high"));
        }

        return matrices;
    }

    private static MeasureSummary Measure(string path, JsonProperty measure)
    {
        var node = measure.Value;
        if (node.ValueKind != JsonValueKind.Object)
            throw new SeriesFormatException(path, null, null, $"expected measures.{measure.Name} to be an object but found {node.ValueKind}");
        double? Get(string name) => node.TryGetProperty(name, out var v) ? Value(path, $"measures.{measure.Name}", name, v) : null;
        bool? significant = node.TryGetProperty("significant", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False ? s.GetBoolean() : null;
        var leader = node.TryGetProperty("leader", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        var details = node.EnumerateObject()
            .Where(p => !Headline.Contains(p.Name))
            .Select(p => KeyValuePair.Create(p.Name, Value(path, $"measures.{measure.Name}", p.Name, p.Value)))
            .ToList();
        bool? atEdge = node.TryGetProperty("lag_at_edge", out var e) && e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : null;
        return new MeasureSummary(measure.Name, Get("value"), Get("p_value"), significant, Get("best_lag_s"), leader, details)
        {
            PAdjusted = Get("p_adjusted"),
            LagAtEdge = atEdge,
        };
    }

    /// <param name="owner">Where the value sits, for the message (<c>measures.tone</c>).</param>
    private static double? Value(string path, string owner, string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.Null => null,
        _ => throw new SeriesFormatException(path, null, null, $"expected {owner}.{name} to be a number or null but found '{value}'"),
    };

    private static double? Number(JsonElement root, params string[] names)
    {
        var node = root;
        foreach (var name in names)
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node))
                return null;
        return node.ValueKind == JsonValueKind.Number ? node.GetDouble() : null;
    }

    private static List<KeyValuePair<string, string>> Texts(JsonElement root, string name) =>
        root.TryGetProperty(name, out var node) && node.ValueKind == JsonValueKind.Object
            ? [.. node.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ToString()))]
            : [];
}
