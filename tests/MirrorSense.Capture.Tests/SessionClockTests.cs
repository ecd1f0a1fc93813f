using System.Reactive.Linq;
using Microsoft.Extensions.Time.Testing;
using MirrorSense.Core;

namespace MirrorSense.Capture.Tests;

public sealed class SessionClockTests
{
    private readonly FakeTimeProvider _wall = new();

    [Fact]
    public void A_device_starts_where_its_first_item_reached_the_session_less_its_capture_delay()
    {
        var session = new SessionClock(_wall);
        var device = session.Register(TimeSpan.FromMilliseconds(50));
        _wall.Advance(TimeSpan.FromSeconds(3));

        device.Observe(MediaTime.FromSeconds(0.05));

        Assert.Equal(2.9, device.Offset.TotalSeconds, 9);
        Assert.Equal(3.1, device.Place(MediaTime.FromSeconds(0.2)).Seconds, 9);
    }

    [Fact]
    public void A_backlog_at_the_start_does_not_put_later_items_in_the_future()
    {
        // Given a device whose first second arrives at once, 2 s into the session, then in real time
        var session = new SessionClock(_wall);
        var device = session.Register(TimeSpan.Zero);
        _wall.Advance(TimeSpan.FromSeconds(2));
        for (var t = 0.0; t < 1.0; t += 0.1)
            device.Observe(MediaTime.FromSeconds(t));
        _wall.Advance(TimeSpan.FromSeconds(0.5));
        device.Observe(MediaTime.FromSeconds(1.5));

        // Then the device's clock is placed by the item that arrived soonest after its capture
        Assert.Equal(1.0, device.Offset.TotalSeconds, 9);
    }

    [Fact]
    public void Session_times_never_go_backwards_when_the_offset_shrinks_and_each_stream_keeps_its_own_order()
    {
        var session = new SessionClock(_wall);
        var device = session.Register(TimeSpan.Zero);
        _wall.Advance(TimeSpan.FromSeconds(2));
        var first = device.ToSession(MediaTime.FromSeconds(0));          // offset 2 s
        var second = device.ToSession(MediaTime.FromSeconds(1));         // arrived at 2 s too: offset 1 s, so 2 s again
        var otherStream = device.Timeline();

        Assert.Equal(2.0, first.Seconds, 9);
        Assert.Equal(first.Microseconds + 1, second.Microseconds);
        Assert.Equal(1.5, otherStream.Place(MediaTime.FromSeconds(0.5)).Seconds, 9);
        Assert.Equal(1.5 + 1e-6, otherStream.Place(MediaTime.FromSeconds(0.5)).Seconds, 9);
    }

    [Fact]
    public void A_device_that_has_delivered_nothing_has_no_offset_yet()
    {
        var device = new SessionClock(_wall).Register(TimeSpan.Zero);

        Assert.False(device.Started);
        Assert.Throws<InvalidOperationException>(() => device.Offset);
    }

    [Fact]
    public void Frames_are_restamped_on_the_session_clock_and_blocks_refine_it_unchanged()
    {
        var session = new SessionClock(_wall);
        _wall.Advance(TimeSpan.FromSeconds(4));
        var camera = session.Register(TimeSpan.Zero);
        var microphone = session.Register(TimeSpan.FromSeconds(0.1));
        var block = new AudioBlock(MediaTime.FromSeconds(0.3), new AudioFormat(100, 1), new float[10]);

        var frames = new[] { Stamped.At(MediaTime.FromSeconds(0), "a"), Stamped.At(MediaTime.FromSeconds(0.04), "b") }
            .ToObservable().OnSessionClock(camera).ToList().Wait();
        var blocks = Observable.Return(block).ObservedBy(microphone).ToList().Wait();

        // (both frames reached us at the same instant, so the second one tells the camera its clock is 0.04 s later)
        Assert.Equal([4.0, 4.000001], frames.Select(f => Math.Round(f.Time.Seconds, 9)));
        Assert.Equal(["a", "b"], frames.Select(f => f.Value));
        Assert.Same(block, Assert.Single(blocks));
        Assert.Equal(3.6, microphone.Offset.TotalSeconds, 9);
    }
}
