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

    /// <summary>
    /// A converter from one device's clock to the session's: the device's media time of its first item,
    /// <paramref name="firstItemTime"/>, is placed at now minus <paramref name="captureDelay"/> (how long before its
    /// delivery the item was captured, e.g. an audio block's length).
    /// </summary>
    public DeviceClock Register(MediaTime firstItemTime, TimeSpan captureDelay) =>
        new(Now - captureDelay - firstItemTime);

    public DateTimeOffset WallClockOf(MediaTime time) => Zero + TimeSpan.FromTicks(time.Microseconds * 10);
}

/// <summary>One device's offset onto the session clock.</summary>
internal readonly record struct DeviceClock(TimeSpan Offset)
{
    public MediaTime ToSession(MediaTime deviceTime) => deviceTime + Offset;
}
