using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MirrorSense.Dashboard.Tests;

/// <summary>Reads a text/event-stream response the way EventSource does: `event:` and `data:` lines, a blank line ends one.</summary>
internal static class EventStreamReader
{
    public static async IAsyncEnumerable<(string Event, JsonElement Data)> ReadEventsAsync(
        this HttpClient client, Uri events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(events, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        string? name = null, data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
            else if (line.Length == 0 && name is not null && data is not null)
            {
                yield return (name, JsonDocument.Parse(data).RootElement.Clone());
                (name, data) = (null, null);
            }
        }
    }
}
