using System.Text.Json;
using System.Text.Json.Serialization;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Sessions.Analysis;

/// <summary>
/// <c>--config settings.json</c>: every parameter of the measures in snake_case, each optional (absent =
/// default), unknown names refused so a typo is not silently ignored.
/// </summary>
public static class CoordinationSettingsJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <exception cref="SettingsFileException">The file is missing, not JSON, or names an unknown parameter.</exception>
    public static CoordinationSettings Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<CoordinationSettings>(stream, Options)
                ?? throw new SettingsFileException($"{path}: expected a JSON object of settings but found null.");
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $":{line + 1}" : "";
            throw new SettingsFileException($"{path}{where}: {error.Message}");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SettingsFileException($"{path}: cannot read the settings file: {error.Message}");
        }
    }

    public static string Defaults() => JsonSerializer.Serialize(new CoordinationSettings(), Options);
}

/// <summary>A settings file that cannot be used, with a message naming the file (and line) and what is wrong.</summary>
public sealed class SettingsFileException(string message) : Exception(message);
