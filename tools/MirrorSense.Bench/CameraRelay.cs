using System.Threading.Channels;

namespace MirrorSense.Bench;

/// <summary>
/// Carries the camera feed from ffmpeg's stdout into the named pipe mirrorsense reads. Two reasons: ffmpeg never
/// waits on a full pipe, so it keeps real time the way a camera does; and the relay sees how old the feed is
/// when the pipe takes it: the backlog at the start (mirrorsense opens the camera at consent and reads it once the
/// session is set up) and in steady state, which is what a stamp placed by the earliest arrival still leaves out.
/// </summary>
internal sealed class CameraRelay
{
    /// <summary>How long from the first byte the startup backlog is looked for; after it the backlog is steady.</summary>
    public static readonly TimeSpan Startup = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<(long ProducedMs, long TakenMs)> _chunks = [];

    /// <summary>Copies until ffmpeg ends, mirrorsense closes the pipe, or <paramref name="stop"/> fires.</summary>
    public async Task RunAsync(Stream feed, string pipe, CancellationToken stop)
    {
        // Unbounded on purpose: the queue is the backlog being measured, and it lasts one session.
        var queue = Channel.CreateUnbounded<(byte[] Bytes, long ProducedMs)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(() => WriteAsync(queue.Reader, pipe, stop), stop);
        var buffer = new byte[64 * 1024];
        try
        {
            while (await feed.ReadAsync(buffer, stop) is var count and > 0)
                queue.Writer.TryWrite((buffer[..count], DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        }
        catch (OperationCanceledException)
        {
        }

        queue.Writer.TryComplete();
        await writer;
    }

    /// <summary>The largest backlog within <see cref="Startup"/> of the first byte, and the median after it (ms; NaN when none).</summary>
    public (double StartupMs, double SteadyMedianMs) Backlog()
    {
        lock (_gate)
        {
            if (_chunks.Count == 0)
                return (double.NaN, double.NaN);
            var first = _chunks[0].ProducedMs;
            var startup = _chunks.Where(c => c.ProducedMs - first < Startup.TotalMilliseconds).Max(c => c.TakenMs - c.ProducedMs);
            return (startup, LatencySummary.Of(_chunks.Where(c => c.ProducedMs - first >= Startup.TotalMilliseconds).Select(c => (double)(c.TakenMs - c.ProducedMs))).MedianMs);
        }
    }

    private async Task WriteAsync(ChannelReader<(byte[] Bytes, long ProducedMs)> queue, string pipe, CancellationToken stop)
    {
        try
        {
            // Opening a pipe for writing waits for its reader: mirrorsense opening the camera.
            await using var into = new FileStream(pipe, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            await foreach (var (bytes, produced) in queue.ReadAllAsync(stop))
            {
                await into.WriteAsync(bytes, stop);
                lock (_gate)
                    _chunks.Add((produced, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            }
        }
        catch (Exception ended) when (ended is IOException or OperationCanceledException)
        {
            // mirrorsense closed the camera (the session ended) or the rig stopped.
        }
    }
}
