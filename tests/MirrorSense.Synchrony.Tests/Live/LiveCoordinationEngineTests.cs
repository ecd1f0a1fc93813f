using System.Reactive.Linq;
using System.Reactive.Subjects;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Live;
using Xunit;

namespace MirrorSense.Synchrony.Tests.Live;

public sealed class LiveCoordinationEngineTests
{
    [Fact]
    public void A_lagged_copy_is_found_at_its_lag_with_the_follower_named()
    {
        var random = new Random(3);
        var a = Enumerable.Range(0, 400).Select(_ => random.NextDouble()).ToArray();
        var b = Enumerable.Range(0, 400).Select(t => t >= 12 ? a[t - 12] : double.NaN).ToArray();

        var match = LaggedMatch.Find([a], [b], maxLag: 30, minimumPairs: 10);

        Assert.Equal(12, match.LagSamples);
        Assert.True(match.Similarity > 0.99, $"similarity {match.Similarity}");
    }

    [Fact]
    public void The_posture_index_is_higher_while_B_mirrors_A_than_while_B_moves_on_its_own()
    {
        var signals = new LiveBodySignals(seed: 11);
        var engine = new LiveCoordinationEngine(signals.Layout);
        var mirrored = new List<ChannelReading>();
        var independent = new List<ChannelReading>();
        // 60 s independent (the baseline fills), 60 s mirrored 1 s later, 60 s independent again.
        for (long i = 0; i < 180 * LiveBodySignals.Rate; i++)
        {
            var t = i / LiveBodySignals.Rate;
            var copying = t is >= 60 and < 120;
            var update = engine.Add(signals.Sample(i, copying ? 1.0 : null));
            if (update?[LiveChannel.Posture] is not { } posture)
                continue;
            if (t is >= 80 and < 120)
                mirrored.Add(posture);
            else if (t is >= 140)
                independent.Add(posture);
        }

        var mirroredIndex = mirrored.Where(r => !double.IsNaN(r.Index)).Average(r => r.Index);
        var independentIndex = independent.Where(r => !double.IsNaN(r.Index)).Average(r => r.Index);
        Assert.True(mirroredIndex > 85, $"mirrored stretch index {mirroredIndex:0.0}");
        Assert.True(independentIndex < 70, $"independent stretch index {independentIndex:0.0}");
        Assert.True(mirrored.Count(r => r.Leader == Participant.A) > 0.8 * mirrored.Count, "A leads while B copies");
        Assert.InRange(mirrored.Select(r => r.LagSeconds).Order().ElementAt(mirrored.Count / 2), 0.9, 1.1);
    }

    [Fact]
    public void An_exact_copy_without_delay_is_reported_as_overshoot_not_as_more_rapport()
    {
        var signals = new LiveBodySignals(seed: 5);
        var engine = new LiveCoordinationEngine(signals.Layout);
        ChannelReading? last = null;
        for (long i = 0; i < 90 * LiveBodySignals.Rate; i++)
            last = engine.Add(signals.Sample(i, i / LiveBodySignals.Rate >= 60 ? 0.0 : null))?[LiveChannel.Posture] ?? last;

        Assert.Equal(ChannelState.Overshoot, last!.State);
    }

    [Fact]
    public void A_partner_out_of_view_gives_no_score_and_no_confidence()
    {
        var signals = new LiveBodySignals(seed: 7);
        var engine = new LiveCoordinationEngine(signals.Layout);
        ChannelReading? last = null;
        for (long i = 0; i < 60 * LiveBodySignals.Rate; i++)
            last = engine.Add(signals.Sample(i, 1.0, bVisible: i < 40 * LiveBodySignals.Rate))?[LiveChannel.Posture] ?? last;

        Assert.Equal(ChannelState.NoData, last!.State);
        Assert.True(double.IsNaN(last.Index));
        Assert.Equal(0, last.Confidence);
    }

    [Fact]
    public void Body_updates_come_ten_times_a_second_of_media_time()
    {
        var signals = new LiveBodySignals(seed: 2);
        var body = new Subject<FeatureSample>();
        var updates = new List<CoordinationUpdate>();
        using var subscription = LiveCoordination.Track(body, Observable.Never<SpokenFrame>(), Observable.Never<SpeechUnit>(), signals.Layout).Subscribe(updates.Add);

        for (long i = 0; i < 10 * LiveBodySignals.Rate; i++)
            body.OnNext(signals.Sample(i, null));

        Assert.InRange(updates.Count, 99, 101);
        Assert.All(updates, u => Assert.Equal(u.Time, u.BodyTime));
    }

    [Fact]
    public void The_voices_go_on_when_the_camera_is_lost_and_the_body_meters_fall_to_no_data()
    {
        var signals = new LiveBodySignals(seed: 4);
        var engine = new LiveCoordinationEngine(signals.Layout);
        for (long i = 0; i < 30 * LiveBodySignals.Rate; i++)
            engine.Add(signals.Sample(i, 1.0));

        CoordinationUpdate? last = null;
        for (var k = 0; k < 500; k++)   // 5 s of A speaking after the camera's last frame
            last = engine.Add(new SpokenFrame(Participant.A, new ProsodyFrame(MediaTime.FromSeconds(30 + k * 0.01), 120, 70))) ?? last;

        Assert.NotNull(last);
        Assert.Equal(ChannelState.NoData, last![LiveChannel.Posture]!.State);
        Assert.Equal(ChannelState.NoData, last[LiveChannel.Gesture]!.State);
        Assert.True(last.Conversation.SpeakingA);
        Assert.False(last.Conversation.SpeakingB);
        Assert.Equal(1.0, last.Conversation.TalkShareA);
    }

    [Fact]
    public void Tempo_is_closer_than_chance_when_partners_answer_at_each_others_rate()
    {
        var engine = new LiveCoordinationEngine(new LiveBodySignals(1).Layout);
        var random = new Random(9);
        CoordinationUpdate? last = null;
        var t = 0.0;
        // Two minutes of alternating units: the rate drifts over the session and each answer matches the turn before it.
        for (var turn = 0; t < 120; turn++)
        {
            var rate = 3 + 2 * Math.Sin(t / 20) + 0.1 * random.NextDouble();
            var speaker = turn % 2 == 0 ? Participant.A : Participant.B;
            engine.Add(RatedUnits.SpokenAt(speaker, t, 2, rate));
            t += 2.5;
            last = engine.Add(new SpokenFrame(speaker, new ProsodyFrame(MediaTime.FromSeconds(t), double.NaN, 40))) ?? last;
        }

        var tempo = last![LiveChannel.Tempo]!;
        Assert.True(tempo.Index > 75, $"tempo index {tempo.Index:0.0}");
    }
}
