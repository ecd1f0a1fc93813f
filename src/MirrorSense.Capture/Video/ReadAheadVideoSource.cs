using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Capture.Video;

/// <summary>
/// Decodes a source's next few frames on a thread of its own while the caller works on the current one, as NAudio's
/// buffered readers keep a device fed. Offline, decoding a 640×480 H.264 frame takes about 2 ms that the pose stage
/// otherwise waits for on every frame. The frames, their times, the end and a fault (after the frames before it) reach
/// the caller exactly as the inner source gives them. Not for cameras: there the newest frame matters, not every frame.
/// </summary>
public sealed class ReadAheadVideoSource : IVideoSource
{
    private readonly IVideoSource inner;
    private readonly BlockingCollection<Mat> free = [];
    private readonly BlockingCollection<Decoded> ready;
    private readonly CancellationTokenSource stop = new();
    private readonly Thread reader;
    private readonly Mat[] buffers;
    private bool ended;

    /// <param name="inner">The source read ahead; disposed with this one.</param>
    /// <param name="depth">How many frames may wait decoded.</param>
    public ReadAheadVideoSource(IVideoSource inner, int depth = 3)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        this.inner = inner;
        buffers = [.. Enumerable.Range(0, depth).Select(_ => new Mat())];
        foreach (var buffer in buffers)
            free.Add(buffer);
        // One slot more than there are buffers: the end or a fault can always be queued behind a full set of frames.
        ready = new BlockingCollection<Decoded>(depth + 1);
        reader = new Thread(ReadAhead) { IsBackground = true, Name = "video read-ahead" };
        reader.Start();
    }

    public VideoFormat Format => inner.Format;

    public bool Read(Mat frame, out MediaTime time)
    {
        ArgumentNullException.ThrowIfNull(frame);
        time = default;
        if (ended)
            return false;
        var next = ready.Take();
        if (next.Frame is not { } decoded)
        {
            ended = true;
            next.Fault?.Throw();
            return false;
        }

        decoded.CopyTo(frame);
        free.Add(decoded);
        time = next.Time;
        return true;
    }

    private void ReadAhead()
    {
        try
        {
            while (true)
            {
                var buffer = free.Take(stop.Token);
                bool more;
                MediaTime time;
                try
                {
                    more = inner.Read(buffer, out time);
                }
                catch (Exception fault)
                {
                    ready.Add(new Decoded(null, default, ExceptionDispatchInfo.Capture(fault)), stop.Token);
                    return;
                }

                ready.Add(more ? new Decoded(buffer, time, null) : new Decoded(null, default, null), stop.Token);
                if (!more)
                    return;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed while reading ahead: the frames not taken are not wanted.
        }
    }

    public void Dispose()
    {
        if (stop.IsCancellationRequested)
            return;
        stop.Cancel();
        reader.Join();
        inner.Dispose();
        foreach (var buffer in buffers)
            buffer.Dispose();
        stop.Dispose();
        free.Dispose();
        ready.Dispose();
    }

    /// <summary>A decoded frame, or the end (no frame, no fault), or a fault.</summary>
    private sealed record Decoded(Mat? Frame, MediaTime Time, ExceptionDispatchInfo? Fault);
}
