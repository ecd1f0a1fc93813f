using System.Reactive.Concurrency;
using System.Text.Json;
using MirrorSense.Core;
using MirrorSense.Dashboard.Streaming;
using MirrorSense.Synchrony.Features.Face;
using Microsoft.Extensions.Logging.Abstractions;

namespace MirrorSense.Dashboard.Tests;

public sealed class FeedPublisherTests : IDisposable
{
    private readonly LiveFeed _live = new();
    private readonly HistoricalScheduler _clock = new(LiveFeed.Zero);
    private readonly EventBroadcaster _events = new();
    private readonly LatestVideoFrame _video = new();
    private readonly ClientMailbox _page;
    private readonly ServerSentEvent[] _batch = new ServerSentEvent[DashboardEventKindExtensions.Count];

    public FeedPublisherTests() => _page = _events.Connect();

    public void Dispose() => _live.Dispose();

    [Fact]
    public void Should_send_skeletons_at_most_fifteen_times_a_second_from_a_thirty_hertz_camera()
    {
        // Given poses at 30 Hz for 2 s of virtual time
        using var publishing = _live.Feed.Publish(cues: true, _clock, _events, _video, NullLogger.Instance);
        var sent = 0;
        for (var frame = 0; frame < 60; frame++)
        {
            _live.Poses.OnNext(Dyads.Frame(frame / 30.0));
            _clock.AdvanceBy(TimeSpan.FromSeconds(1.0 / 30));
            sent += Drain().Count(e => e.Kind == DashboardEventKind.Pose);
        }

        // Then the page got one skeleton per 1/15 s, about 30
        Assert.InRange(sent, 28, 30);
    }

    [Fact]
    public void Should_send_face_markers_ten_times_a_second_leaving_out_a_person_whose_face_was_not_read()
    {
        // Given face features at 30 Hz for 2 s: A smiling halfway and looking at B, B's face never read
        using var publishing = _live.Feed.Publish(cues: true, _clock, _events, _video, NullLogger.Instance);
        var markers = new List<JsonElement>();
        for (var frame = 0; frame < 60; frame++)
        {
            var a = FaceFeatures.Names.Select(name => name switch
            {
                FaceFeatures.Smile => 0.5,
                FaceFeatures.LookingAtPartner => 1.0,
                FaceFeatures.GazeYaw => -20.0,
                _ => 0.0,
            }).ToArray();
            var b = FaceFeatures.Names.Select(_ => double.NaN).ToArray();
            _live.Faces.OnNext(new FeatureFrame(MediaTime.FromSeconds(frame / 30.0), FaceFeatures.Schema, [.. a], [.. b]));
            _clock.AdvanceBy(TimeSpan.FromSeconds(1.0 / 30));
            markers.AddRange(Drain().Where(e => e.Kind == DashboardEventKind.Face).Select(e => JsonDocument.Parse(e.Json).RootElement));
        }

        // Then about twenty went out, each with A's smile, look and gaze, and no marker for B
        Assert.InRange(markers.Count, 19, 20);
        var people = markers[^1].GetProperty("people");
        Assert.Equal(1, people.GetArrayLength());
        Assert.Equal("A", people[0].GetProperty("participant").GetString());
        Assert.Equal(0.5, people[0].GetProperty("smile").GetDouble());
        Assert.True(people[0].GetProperty("looking_at_partner").GetBoolean());
        Assert.Equal(-20, people[0].GetProperty("gaze_yaw").GetDouble());
    }

    [Fact]
    public void Should_send_capture_health_at_most_twice_a_second()
    {
        // Given health reports at 10 Hz for 3 s of virtual time
        using var publishing = _live.Feed.Publish(cues: true, _clock, _events, _video, NullLogger.Instance);
        var sent = 0;
        for (var tick = 0; tick < 30; tick++)
        {
            _live.Health.OnNext(Readings.Health(tick / 10.0, tick * 3, tick / 10));
            _clock.AdvanceBy(TimeSpan.FromSeconds(0.1));
            sent += Drain().Count(e => e.Kind == DashboardEventKind.Health);
        }

        // Then at most two per second went out
        Assert.InRange(sent, 5, 6);
    }

    [Fact]
    public void Should_send_every_update_and_its_cue_as_a_separate_event()
    {
        // Given cues switched on
        using var publishing = _live.Feed.Publish(cues: true, _clock, _events, _video, NullLogger.Instance);

        // When an update carries a cue
        _live.Updates.OnNext(Readings.Update(3, 60, Readings.Cue(3, "Nice: you are in step.")));

        // Then the page gets the update and the cue
        var events = Drain();
        Assert.Equal([DashboardEventKind.Update, DashboardEventKind.Cue], events.Select(e => e.Kind));
        var cue = JsonDocument.Parse(events[1].Json).RootElement;
        Assert.Equal("Nice: you are in step.", cue.GetProperty("text").GetString());
        Assert.Equal("positive", cue.GetProperty("kind").GetString());
        Assert.Equal(4, cue.GetProperty("show_for_s").GetDouble());
    }

    [Fact]
    public void Should_send_no_cue_when_cues_are_off()
    {
        // Given cues switched off
        using var publishing = _live.Feed.Publish(cues: false, _clock, _events, _video, NullLogger.Instance);

        // When an update carries a cue
        _live.Updates.OnNext(Readings.Update(3, 60, Readings.Cue(3, "Nice: you are in step.")));

        // Then only the update goes out
        Assert.Equal([DashboardEventKind.Update], Drain().Select(e => e.Kind));
    }

    [SkippableFact]
    public void Should_send_skeletons_as_fractions_of_the_camera_frame()
    {
        // Given a 640×480 camera frame and landmarks in its pixels
        using var folder = new MirrorSense.Testing.TempFolder();
        using var publishing = _live.Feed.Publish(cues: true, _clock, _events, _video, NullLogger.Instance);
        _live.Video.OnNext(new VideoFrame(MediaTime.FromSeconds(1), Jpegs.Plain(folder, Dyads.Width, Dyads.Height)));

        // When a pose frame goes out
        _live.Poses.OnNext(Dyads.Frame(1));
        _clock.AdvanceBy(TimeSpan.FromSeconds(0.1));

        // Then A's nose (200, 150 px) is at (0.3125, 0.3125) of the image
        var pose = JsonDocument.Parse(Drain().Single(e => e.Kind == DashboardEventKind.Pose).Json).RootElement;
        var a = pose.GetProperty("people")[0];
        Assert.Equal("A", a.GetProperty("participant").GetString());
        var points = a.GetProperty("points");
        Assert.Equal(Skeleton.LandmarkCount * 3, points.GetArrayLength());
        Assert.Equal(200.0 / 640, points[0].GetDouble(), 1e-6);
        Assert.Equal(150.0 / 480, points[1].GetDouble(), 1e-6);
        Assert.Equal(0.95, points[2].GetDouble(), 1e-6);
    }

    private List<ServerSentEvent> Drain()
    {
        if (_page.Backlog == 0)
            return [];

        // Something is pending, so the take completes at once.
        var count = _page.TakeAsync(_batch, CancellationToken.None).GetAwaiter().GetResult();
        return [.. _batch.Take(count)];
    }
}
