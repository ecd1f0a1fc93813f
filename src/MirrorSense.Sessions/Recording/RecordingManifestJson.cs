using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MirrorSense.Core;

namespace MirrorSense.Sessions.Recording;

/// <summary>
/// Reads and writes <c>manifest.json</c>: <c>format_version</c>, <c>tool_version</c>, <c>started_utc</c>,
/// <c>ended_utc</c> (null until a clean stop), <c>complete</c>, <c>grid_origin_s</c>, <c>feature_names</c>,
/// <c>inputs</c>, <c>settings</c>, <c>files</c> and <c>raw_media</c> (<c>file</c>, <c>kind</c>: audio|video,
/// <c>participant</c>: A|B|null, <c>start_s</c>: media time of its first sample or frame).
/// </summary>
public static class RecordingManifestJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes through a temporary file and a rename, so a reader (or a crash) never meets half a manifest.</summary>
    public static void Write(string path, RecordingManifest manifest) => AtomicFile.Write(path, writer => Write(manifest, writer));

    public static void Write(RecordingManifest manifest, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(writer);
        var root = new JsonObject
        {
            ["format_version"] = manifest.FormatVersion,
            ["tool_version"] = manifest.ToolVersion,
            ["started_utc"] = Timestamp(manifest.StartedUtc),
            ["ended_utc"] = manifest.EndedUtc is { } ended ? Timestamp(ended) : null,
            ["complete"] = manifest.Complete,
            ["grid_origin_s"] = manifest.GridOrigin.Seconds,
            ["feature_names"] = new JsonArray([.. manifest.FeatureNames.Select(n => (JsonNode?)n)]),
            ["inputs"] = Table(manifest.Inputs),
            ["settings"] = Table(manifest.Settings),
            ["files"] = new JsonArray([.. manifest.Files.Select(f => (JsonNode?)f)]),
            ["raw_media"] = new JsonArray([.. manifest.RawMedia.Select(m => (JsonNode?)new JsonObject
            {
                ["file"] = m.File,
                ["kind"] = m.Kind == RawMediaKind.Audio ? "audio" : "video",
                ["participant"] = m.Participant?.ToString(),
                ["start_s"] = m.StartSeconds,
            })]),
        };
        writer.Write(root.ToJsonString(Indented));
        writer.Write('\n');
    }

    /// <exception cref="FormatException">The file is not a recording manifest this version reads (the message says what is wrong).</exception>
    public static RecordingManifest Read(string text)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(text);
        }
        catch (JsonException error)
        {
            throw new FormatException($"not valid JSON ({error.Message})", error);
        }

        if (parsed is not JsonObject root)
            throw new FormatException("expected a JSON object");
        var version = Required(root, "format_version").GetValue<int>();
        if (version > RecordingManifest.CurrentFormatVersion)
            throw new FormatException($"format_version {version} is newer than this MirrorSense reads ({RecordingManifest.CurrentFormatVersion}); update MirrorSense");
        try
        {
            return new RecordingManifest(
                Required(root, "tool_version").GetValue<string>(),
                DateTimeOffset.Parse(Required(root, "started_utc").GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Table(root["inputs"]),
                Table(root["settings"]),
                MediaTime.FromSeconds(Required(root, "grid_origin_s").GetValue<double>()),
                Names(root["feature_names"]))
            {
                FormatVersion = version,
                EndedUtc = root["ended_utc"] is { } ended ? DateTimeOffset.Parse(ended.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null,
                Complete = root["complete"]?.GetValue<bool>() ?? false,
                Files = Names(root["files"]),
                RawMedia = [.. (root["raw_media"] as JsonArray ?? []).Select(RawMedia)],
            };
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException)
        {
            throw new FormatException($"a field has the wrong type ({error.Message})", error);
        }
    }

    private static RawMediaFile RawMedia(JsonNode? node)
    {
        var file = node?["file"]?.GetValue<string>() ?? throw new FormatException("a raw_media entry has no file");
        var kind = node["kind"]?.GetValue<string>() switch
        {
            "audio" => RawMediaKind.Audio,
            "video" => RawMediaKind.Video,
            var other => throw new FormatException($"raw_media '{file}': expected kind audio or video but found '{other}'"),
        };
        Participant? participant = node["participant"]?.GetValue<string>() switch
        {
            null => null,
            "A" => Participant.A,
            "B" => Participant.B,
            var other => throw new FormatException($"raw_media '{file}': expected participant A, B or null but found '{other}'"),
        };
        return new RawMediaFile(file, kind, participant, node["start_s"]?.GetValue<double>() ?? 0);
    }

    private static JsonNode Required(JsonObject root, string name) =>
        root[name] ?? throw new FormatException($"the field '{name}' is missing");

    private static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Table(IReadOnlyDictionary<string, string> values)
    {
        var table = new JsonObject();
        foreach (var (key, value) in values)
            table[key] = value;
        return table;
    }

    private static Dictionary<string, string> Table(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);

    private static string[] Names(JsonNode? node) => [.. (node as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? "")];
}
