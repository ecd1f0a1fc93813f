using System.Text.Json;

namespace MirrorSense.Bench;

/// <summary>One server-sent event of the live page, with the wall-clock Unix milliseconds at which the bench read it.</summary>
internal sealed record LiveEvent(string Kind, JsonElement Data, long ReceivedMs);

/// <summary>
/// Reads the live page's <c>GET /events</c> stream as a page would, handing each event to <paramref name="onEvent"/>
/// on the reading task. The receipt time is taken when the event's blank line arrives, i.e. when a browser's
/// EventSource would dispatch it, before the JSON is parsed, so parsing does not count as latency.
/// </summary>
internal sealed class LiveEventStream(Uri page, Action<LiveEvent> onEvent)
{
    /// <summary>Reads until the server closes the stream (the process ended) or <paramref name="cancellation"/> fires.</summary>
    public async Task ReadAsync(CancellationToken cancellation)
    {
        // The stream lives as long as the session; HttpClient's default 100 s timeout would cut it.
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var response = await http.GetAsync(new Uri(page, "events"), HttpCompletionOption.ResponseHeadersRead, cancellation);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellation));
        string? kind = null;
        string? data = null;
        try
        {
            while (await reader.ReadLineAsync(cancellation) is { } line)
            {
                if (line.Length == 0)
                {
                    var received = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    if (kind is not null && data is not null)
                    {
                        using var json = JsonDocument.Parse(data);
                        onEvent(new LiveEvent(kind, json.RootElement.Clone(), received));
                    }

                    (kind, data) = (null, null);
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    kind = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    // The page's events are one JSON line each; a second data line would be joined by a newline.
                    var part = line["data:".Length..].TrimStart();
                    data = data is null ? part : data + "\n" + part;
                }
            }
        }
        catch (IOException)
        {
            // The process exiting resets the connection; that is the end of the stream, not a fault.
        }
    }
}
