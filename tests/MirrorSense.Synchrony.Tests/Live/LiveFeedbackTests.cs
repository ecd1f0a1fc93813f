using MirrorSense.Core;
using MirrorSense.Synchrony.Live;
using Xunit;

namespace MirrorSense.Synchrony.Tests.Live;

public sealed class LiveFeedbackTests
{
    private static readonly CoachingOptions Quick = new(CalibrationSeconds: 30);

    [Fact]
    public void No_cue_is_given_while_the_bands_are_learnt()
    {
        var feedback = new LiveFeedback(Quick);
        var cues = Run(feedback, 0, 30, _ => 10).Where(u => u.Cue is not null);
        Assert.Empty(cues);
    }

    [Fact]
    public void A_channel_low_for_most_of_a_window_gets_one_correction_and_then_twenty_seconds_of_quiet()
    {
        var feedback = new LiveFeedback(Quick);
        Run(feedback, 0, 30, t => 50 + 10 * Math.Sin(t));
        var updates = Run(feedback, 30, 90, _ => 5);

        var cues = updates.Where(u => u.Cue is not null).Select(u => u.Cue!).ToList();
        Assert.NotEmpty(cues);
        Assert.Equal(CueKind.Correction, cues[0].Kind);
        Assert.Equal(LiveChannel.Posture, cues[0].Channel);
        Assert.Equal(TimeSpan.FromSeconds(3), cues[0].ShowFor);
        Assert.All(cues.Zip(cues.Skip(1)), pair => Assert.True((pair.Second.Time - pair.First.Time).TotalSeconds >= 20));
        Assert.Equal(ChannelState.Low, updates[^1][LiveChannel.Posture]!.State);
    }

    [Fact]
    public void Overshoot_is_answered_with_ease_off_before_anything_else()
    {
        var feedback = new LiveFeedback(Quick);
        Run(feedback, 0, 30, t => 50 + 10 * Math.Sin(t));
        var cue = Run(feedback, 30, 45, _ => 99, ChannelState.Overshoot, leader: Participant.B).First(u => u.Cue is not null).Cue!;
        Assert.Equal(CueKind.EaseOff, cue.Kind);
    }

    [Fact]
    public void Well_in_step_for_a_while_earns_a_positive_cue()
    {
        var feedback = new LiveFeedback(Quick);
        Run(feedback, 0, 30, t => 50 + 10 * Math.Sin(t));
        var cue = Run(feedback, 30, 45, _ => 92).First(u => u.Cue is not null).Cue!;
        Assert.Equal(CueKind.Positive, cue.Kind);
    }

    [Fact]
    public void Without_cues_the_meters_are_still_judged_but_nothing_is_said()
    {
        var feedback = new LiveFeedback(Quick with { Cues = false });
        Run(feedback, 0, 30, t => 50 + 10 * Math.Sin(t));
        var updates = Run(feedback, 30, 90, _ => 5);
        Assert.All(updates, u => Assert.Null(u.Cue));
        Assert.Equal(ChannelState.Low, updates[^1][LiveChannel.Posture]!.State);
    }

    [Fact]
    public void A_trainee_who_hardly_looks_at_a_speaking_partner_and_gives_no_nod_is_invited_to_glance_and_nod()
    {
        // Given the trainee (A) listening to B for twenty seconds, looking away, with no nod
        var feedback = new LiveFeedback(Quick);
        Run(feedback, 0, 30, t => 50 + 10 * Math.Sin(t));
        var updates = Listening(feedback, 30, 50, looking: false, nods: _ => 0);

        // Then the one cue is about attention, a nudge that speaks of glancing and nodding, not of the partner's feelings
        var cue = Assert.Single(updates, u => u.Cue is not null).Cue!;
        Assert.Equal((LiveChannel.Attention, CueKind.Correction), (cue.Channel, cue.Kind));
        Assert.Contains("nod", cue.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_trainee_who_looks_at_a_speaking_partner_and_nods_hears_so()
    {
        var feedback = new LiveFeedback(Quick);
        Run(feedback, 0, 30, t => 50 + 10 * Math.Sin(t));
        var cue = Listening(feedback, 30, 45, looking: true, nods: t => t < 38 ? 3 : 4).First(u => u.Cue is not null).Cue!;
        Assert.Equal((LiveChannel.Attention, CueKind.Positive), (cue.Channel, cue.Kind));
    }

    [Fact]
    public void Nothing_is_said_about_attention_while_the_trainee_speaks_or_their_face_is_not_read()
    {
        var feedback = new LiveFeedback(Quick);
        Run(feedback, 0, 30, t => 50 + 10 * Math.Sin(t));
        var updates = Listening(feedback, 30, 60, looking: false, nods: _ => 0, traineeSpeaks: true);
        updates.AddRange(Listening(feedback, 60, 90, looking: null, nods: _ => 0));
        Assert.All(updates, u => Assert.Null(u.Cue));
    }

    /// <summary>Updates in which B speaks (or A, when <paramref name="traineeSpeaks"/>) and A looks as given, A's nods while listening so far as given; the channels read chance.</summary>
    private static List<CoordinationUpdate> Listening(LiveFeedback feedback, double from, double to, bool? looking, Func<double, int> nods, bool traineeSpeaks = false)
    {
        var updates = new List<CoordinationUpdate>();
        for (var t = from; t < to; t += 0.1)
        {
            var time = MediaTime.FromSeconds(t);
            var attention = new AttentionReading(TimeSpan.FromMinutes(2), looking == true ? 0.8 : 0.1, 0.5, looking, true, nods(t), 0, 30, 30, 1, 1);
            var talk = ConversationReading.Silent with { SpeakingA = traineeSpeaks, SpeakingB = !traineeSpeaks };
            updates.Add(feedback.Apply(new CoordinationUpdate(time, time, time, [new(LiveChannel.Posture, 50, 1, 0.5, 0.5, null, ChannelState.InBand)], talk, null) { Attention = attention }));
        }

        return updates;
    }

    [Fact]
    public void No_cue_names_a_feeling()
    {
        string[] feelings = ["happy", "sad", "angry", "anger", "fear", "afraid", "disgust", "surprise", "emotion", "mood", "upset", "nervous", "anxious", "calm", "joy"];
        foreach (var channel in Enum.GetValues<LiveChannel>())
            foreach (var kind in Enum.GetValues<CueKind>())
                Assert.DoesNotContain(feelings, word => CueText.For(channel, kind).Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Posture readings at 10 per second from <paramref name="from"/> to <paramref name="to"/> s; the other channels have no data.</summary>
    private static List<CoordinationUpdate> Run(LiveFeedback feedback, double from, double to, Func<double, double> posture,
        ChannelState state = ChannelState.InBand, Participant? leader = null)
    {
        var updates = new List<CoordinationUpdate>();
        for (var t = from; t < to; t += 0.1)
        {
            var time = MediaTime.FromSeconds(t);
            ChannelReading[] channels =
            [
                new(LiveChannel.Posture, posture(t), 1, 0.5, 0.5, leader, state),
                new(LiveChannel.Gesture, double.NaN, 0, double.NaN, double.NaN, null, ChannelState.NoData),
                new(LiveChannel.Tone, double.NaN, 0, double.NaN, double.NaN, null, ChannelState.NoData),
                new(LiveChannel.Tempo, double.NaN, 0, double.NaN, double.NaN, null, ChannelState.NoData),
            ];
            updates.Add(feedback.Apply(new CoordinationUpdate(time, time, null, [.. channels], ConversationReading.Silent, null)));
        }

        return updates;
    }
}
