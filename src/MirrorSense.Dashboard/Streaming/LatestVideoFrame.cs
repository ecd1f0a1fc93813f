namespace MirrorSense.Dashboard.Streaming;

/// <summary>
/// The newest camera frame and a version number that grows with each one. Video viewers always take the newest
/// frame, so a slow viewer skips frames instead of queueing them, and memory holds one frame whatever the viewers.
/// </summary>
internal sealed class LatestVideoFrame
{
    private readonly Lock _gate = new();
    private VideoFrame? _frame;
    private long _version;
    private TaskCompletionSource? _waiter;

    public VideoFrame? Current
    {
        get
        {
            lock (_gate)
                return _frame;
        }
    }

    public void Publish(VideoFrame frame)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            _frame = frame;
            _version++;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>Waits for a frame newer than version <paramref name="seen"/> and returns the newest one with its version.</summary>
    public async Task<(VideoFrame Frame, long Version)> NextAsync(long seen, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_version > seen && _frame is not null)
                    return (_frame, _version);
                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
