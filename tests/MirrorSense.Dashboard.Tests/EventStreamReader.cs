using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MirrorSense.Dashboard.Tests;

/// <summary>
/// A page's view of GET /events, read the way EventSource does: `event:` and `data:` lines, a blank line ends one.
/// Gives up after <see cref="Patience"/> so a missing event fails the test instead of hanging it.
/// </summary>
internal sealed class EventStreamReader : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly HttpClient _client = new();
    private readonly CancellationTokenSource _timeout = new(Patience);
    private readonly IAsyncEnumerator<(string Event, JsonElement Data)> _events;

    public EventStreamReader(DashboardServer server) =>
        _events = ReadAsync(new Uri(server.Address, "/events"), _timeout.Token).GetAsyncEnumerator(_timeout.Token);

    /// <summary>The data of the next event of <paramref name="kind"/>, skipping others.</summary>
    public async Task<JsonElement> NextAsync(string kind)
    {
        while (await _events.MoveNextAsync())
        {
            if (_events.Current.Event == kind)
                return _events.Current.Data;
        }

        throw new InvalidOperationException($"The event stream ended before a '{kind}' event.");
    }

    public async ValueTask DisposeAsync()
    {
        await _events.DisposeAsync();
        _timeout.Dispose();
        _client.Dispose();
    }

    private async IAsyncEnumerable<(string Event, JsonElement Data)> ReadAsync(Uri events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(events, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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
