using System.Text.Json;
using MirrorSense.Sessions.Synchrony;

namespace MirrorSense.Sessions.Batch;

/// <summary>
/// The tidy table of a batch, for R or pandas: one row per session × measure from each session's
/// <c>summary.json</c>: <c>id,measure,value,p_value,p_adjusted,significant,best_lag_s,leader,lag_at_edge,mirrored_similarity,anatomical_similarity,complete</c>.
/// Missing numbers are empty cells; the similarities are filled for posture mirroring only; p_adjusted is Holm's
/// across the session's measures (not across the batch's sessions).
/// </summary>
public static class BatchMeasuresTable
{
    public const string Header = "id,measure,value,p_value,p_adjusted,significant,best_lag_s,leader,lag_at_edge,mirrored_similarity,anatomical_similarity,complete";

    private static readonly string[] Numbers = ["value", "p_value", "p_adjusted"];
    private static readonly string[] Similarities = ["mirrored_similarity", "anatomical_similarity"];

    /// <summary>Whether the summary at <paramref name="summaryPath"/> exists, reads, and says the analysis was complete.</summary>
    public static bool IsComplete(string summaryPath)
    {
        if (!File.Exists(summaryPath))
            return false;
        try
        {
            using var summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
            return summary.RootElement.TryGetProperty("complete", out var complete) && complete.ValueKind == JsonValueKind.True;
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Writes the rows of every session whose summary exists, in the order given; returns how many sessions had one.</summary>
    /// <exception cref="InvalidDataException">A summary that is not JSON, named with its path and line.</exception>
    public static int Write(IEnumerable<(string Id, string SummaryPath)> sessions, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\n";
        writer.WriteLine(Header);
        var found = 0;
        foreach (var (id, path) in sessions)
        {
            if (!File.Exists(path))
                continue;
            found++;
            using var summary = Parse(path);
            var root = summary.RootElement;
            var complete = root.TryGetProperty("complete", out var flag) && flag.ValueKind == JsonValueKind.True;
            if (!root.TryGetProperty("measures", out var measures) || measures.ValueKind != JsonValueKind.Object)
                continue;
            foreach (var measure in measures.EnumerateObject())
            {
                var m = measure.Value;
                writer.WriteLine(string.Join(',', [
                    CsvCells.Text(id),
                    CsvCells.Text(measure.Name),
                    .. Numbers.Select(n => Cell(m, n)),
                    Cell(m, "significant"),
                    Cell(m, "best_lag_s"),
                    Cell(m, "leader"),
                    Cell(m, "lag_at_edge"),
                    .. Similarities.Select(n => Cell(m, n)),
                    complete ? "true" : "false",
                ]));
            }
        }

        return found;
    }

    private static JsonDocument Parse(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}:{error.LineNumber + 1}: not a readable summary.json ({error.Message}); delete it and rerun the batch to analyse the session again.", error);
        }
    }

    private static string Cell(JsonElement measure, string name) =>
        !measure.TryGetProperty(name, out var value) ? "" : value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.String => CsvCells.Text(value.GetString()!),
            _ => "",
        };
}
