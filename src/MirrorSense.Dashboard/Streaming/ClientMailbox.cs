namespace MirrorSense.Dashboard.Streaming;

/// <summary>
/// What one connected page has not received yet: at most one event per kind, the newest. A client that reads
/// slowly gets the current state when it catches up instead of a growing queue of stale ones, so memory per client
/// is bounded by the number of event kinds whatever the update rate.
/// </summary>
internal sealed class ClientMailbox
{
    private readonly Lock _gate = new();
    private readonly ServerSentEvent?[] _pending = new ServerSentEvent?[DashboardEventKindExtensions.Count];
    private TaskCompletionSource? _waiter;

    /// <summary>How many events are waiting to be written (never more than the number of kinds).</summary>
    public int Backlog
    {
        get
        {
            lock (_gate)
                return _pending.Count(e => e is not null);
        }
    }

    /// <summary>Replaces the waiting event of the same kind, if any, and wakes the writer.</summary>
    public void Post(ServerSentEvent message)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            _pending[(int)message.Kind] = message;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>
    /// Waits until something is pending, then moves all of it into <paramref name="into"/> (in kind order) and
    /// returns how many; <paramref name="into"/> must hold one slot per kind.
    /// </summary>
    public async Task<int> TakeAsync(ServerSentEvent[] into, CancellationToken cancellationToken)
    {
        if (into.Length < DashboardEventKindExtensions.Count)
            throw new ArgumentException($"The buffer needs {DashboardEventKindExtensions.Count} slots, one per event kind.", nameof(into));
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                var taken = 0;
                for (var kind = 0; kind < _pending.Length; kind++)
                {
                    if (_pending[kind] is { } message)
                    {
                        into[taken++] = message;
                        _pending[kind] = null;
                    }
                }

                if (taken > 0)
                    return taken;

                // Taken under the same lock as the emptiness check, so a Post in between cannot be missed.
                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
