using System.Reactive.Linq;
using MirrorSense.Core;

namespace MirrorSense.Capture;

/// <summary>Device times onto the session clock, as operators at the head of the live graph.</summary>
public static class DeviceClockObservable
{
    /// <summary>
    /// Each block refines <paramref name="clock"/> as it arrives and goes on unchanged, on the device's own time:
    /// prosody needs contiguous audio, so what is made from the blocks is placed on the session clock afterwards
    /// (<see cref="DeviceClock.Place"/>, <see cref="DeviceClock.Timeline"/>).
    /// </summary>
    public static IObservable<AudioBlock> ObservedBy(this IObservable<AudioBlock> blocks, DeviceClock clock)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(clock);
        return blocks.Do(block => clock.Observe(block.Start));
    }

    /// <summary>Each item restamped on the session clock (see <see cref="DeviceClock.ToSession"/>), in order.</summary>
    public static IObservable<Stamped<T>> OnSessionClock<T>(this IObservable<Stamped<T>> items, DeviceClock clock)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(clock);
        return items.Select(item => Stamped.At(clock.ToSession(item.Time), item.Value));
    }
}
