using System.Collections.Immutable;

namespace MirrorSense.Dashboard.Streaming;

/// <summary>
/// Hands every published event to each connected client's mailbox, and keeps the newest of each kind so a page
/// that connects (or reconnects) late starts from the current state rather than a blank one.
/// </summary>
internal sealed class EventBroadcaster
{
    private readonly Lock _gate = new();
    private readonly ServerSentEvent?[] _latest = new ServerSentEvent?[DashboardEventKindExtensions.Count];
    private ImmutableArray<ClientMailbox> _clients = [];

    public int ClientCount => _clients.Length;

    /// <summary>The most events any connected client has waiting (bounded by the number of kinds).</summary>
    public int LargestBacklog => _clients.Select(c => c.Backlog).DefaultIfEmpty(0).Max();

    public ClientMailbox Connect()
    {
        var mailbox = new ClientMailbox();
        lock (_gate)
        {
            foreach (var latest in _latest)
            {
                // A cue belongs to its moment: replaying one to a late page would show stale advice.
                if (latest is { Kind: not DashboardEventKind.Cue })
                    mailbox.Post(latest);
            }

            _clients = _clients.Add(mailbox);
        }

        return mailbox;
    }

    public void Disconnect(ClientMailbox mailbox)
    {
        lock (_gate)
            _clients = _clients.Remove(mailbox);
    }

    public void Publish(ServerSentEvent message)
    {
        ImmutableArray<ClientMailbox> clients;
        lock (_gate)
        {
            _latest[(int)message.Kind] = message;
            clients = _clients;
        }

        foreach (var client in clients)
            client.Post(message);
    }
}
