using MirrorSense.Core;

namespace MirrorSense.Capture;

/// <summary>
/// A live session's one media clock. Every device keeps its own clock from its first frame or sample; the session
/// places each device's zero at the moment its first item reached us, so cameras and microphones land on one time
/// line (to within a device's delivery delay) and a media time converts back to the wall clock for latency.
/// Thread-safe: devices register from their own threads.
/// </summary>
public sealed class SessionClock(TimeProvider time)
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
/// that ffmpeg probes, a driver's queue) would otherwise put every later item seconds in the future. Observed from
/// the device's one thread; <see cref="Offset"/> may be read from any.
/// </summary>
public sealed class DeviceClock
{
    private readonly SessionClock _session;
    private readonly TimeSpan _captureDelay;
    private readonly SessionTimeline _items;
    private long _offsetTicks = long.MinValue;

    internal DeviceClock(SessionClock session, TimeSpan captureDelay)
    {
        _session = session;
        _captureDelay = captureDelay;
        _items = new SessionTimeline(this);
    }

    /// <summary>Whether an item of the device has been observed, so that <see cref="Offset"/> is known.</summary>
    public bool Started => Interlocked.Read(ref _offsetTicks) != long.MinValue;

    /// <summary>The offset onto the session clock as it stands (the device's first item must have been observed).</summary>
    public TimeSpan Offset => Started
        ? TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks))
        : throw new InvalidOperationException("No item of the device has been observed yet.");

    /// <summary>Takes an item's device time as it arrives, refining the offset.</summary>
    public void Observe(MediaTime deviceTime)
    {
        var candidate = (_session.Now - _captureDelay - deviceTime).Ticks;
        var current = Interlocked.Read(ref _offsetTicks);
        if (current == long.MinValue || candidate < current)
            Interlocked.Exchange(ref _offsetTicks, candidate);
    }

    /// <summary>A device time on the session clock by the offset as it stands.</summary>
    public MediaTime Place(MediaTime deviceTime) => deviceTime + Offset;

    /// <summary>Observes the item and returns its session time, never earlier than the previous item's.</summary>
    public MediaTime ToSession(MediaTime deviceTime)
    {
        Observe(deviceTime);
        return _items.Place(deviceTime);
    }

    /// <summary>
    /// A stream of its own made from the device's items (a microphone's second voice, say), placed by this clock and
    /// kept in order apart from the device's other streams.
    /// </summary>
    public SessionTimeline Timeline() => new(this);
}

/// <summary>
/// Times of one stream placed on the session clock by its device's offset, never going backwards: the offset only
/// shrinks as the device's clock is refined, which would otherwise move a later item before an earlier one. Used
/// from one thread.
/// </summary>
public sealed class SessionTimeline
{
    private readonly DeviceClock _clock;
    private MediaTime _last = new(long.MinValue);

    internal SessionTimeline(DeviceClock clock) => _clock = clock;

    /// <summary>The session time of <paramref name="deviceTime"/>, at least a microsecond after the previous one.</summary>
    public MediaTime Place(MediaTime deviceTime)
    {
        var time = _clock.Place(deviceTime);
        if (time <= _last)
            time = new MediaTime(_last.Microseconds + 1);
        _last = time;
        return time;
    }
}
