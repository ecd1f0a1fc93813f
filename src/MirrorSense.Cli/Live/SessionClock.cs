using System.Diagnostics;
using MirrorSense.Core;

namespace MirrorSense.Cli.Live;

/// <summary>
/// The live session's one media clock. Every device keeps its own clock from its first frame or sample; the
/// session places each device's zero at the moment its first item reached us, so camera and microphones land on
/// one time line (to within a device's delivery delay) and a media time converts back to the wall clock for
/// latency. Thread-safe: devices register from their own threads.
/// </summary>
internal sealed class SessionClock(TimeProvider time)
{
    private readonly long _start = time.GetTimestamp();

    /// <summary>The wall-clock instant of media time zero.</summary>
    public DateTimeOffset Zero { get; } = time.GetUtcNow();

    public MediaTime Now => MediaTime.FromSeconds(time.GetElapsedTime(_start).TotalSeconds);

    /// <summary>A converter from one device's clock to the session's (each device its own).</summary>
    /// <param name="captureDelay">How long before its delivery an item was captured, e.g. an audio block's length.</param>
    public DeviceClock Register(TimeSpan captureDelay) => new(this, captureDelay);

    public DateTimeOffset WallClockOf(MediaTime time) => Zero + TimeSpan.FromTicks(time.Microseconds * 10);
}

/// <summary>
/// One device's clock placed on the session's: an item cannot have been captured after it reached us, so the offset
/// is the smallest (arrival − capture delay − device time) seen so far. A stream that starts with a backlog (a pipe
/// that ffmpeg probes, a driver's queue) would otherwise put every later item seconds in the future. Times handed out
/// never go backwards. Used from the device's one thread.
/// </summary>
internal sealed class DeviceClock(SessionClock session, TimeSpan captureDelay)
{
    private TimeSpan? _offset;
    private MediaTime _last = new(long.MinValue);

    /// <summary>The offset onto the session clock as it stands (the device's first item must have been observed).</summary>
    public TimeSpan Offset => _offset ?? throw new InvalidOperationException("No item of the device has been observed yet.");

    /// <summary>Takes an item's device time as it arrives, refining the offset.</summary>
    public void Observe(MediaTime deviceTime)
    {
        var candidate = session.Now - captureDelay - deviceTime;
        if (_offset is null || candidate < _offset)
            _offset = candidate;
    }

    /// <summary>Observes the item and returns its session time, never earlier than the previous one's.</summary>
    public MediaTime ToSession(MediaTime deviceTime)
    {
        Observe(deviceTime);
        var time = deviceTime + Offset;
        if (time <= _last)
            time = new MediaTime(_last.Microseconds + 1);
        _last = time;
        return time;
    }
}
