using MirrorSense.Core;
using MirrorSense.Synchrony.Conversation;

namespace MirrorSense.Synchrony.Tests.Conversation;

public sealed class TurnTakingTests
{
    private static readonly TurnTaking Analysis = new(new TurnTakingOptions());

    [Fact]
    public void A_short_mm_hm_while_the_other_keeps_talking_is_a_backchannel_not_a_turn()
    {
        // A talks 0–10 s; B says "mm-hm" at 4–4.5 s
        var summary = Analysis.Analyse([Speech(Participant.A, 0, 10), Speech(Participant.B, 4, 4.5)]);

        var overlap = Assert.Single(summary.Overlaps);
        Assert.Equal(OverlapKind.Backchannel, overlap.Kind);
        Assert.Equal(1, summary.Backchannels(Participant.B));
        Assert.Equal(Participant.A, Assert.Single(summary.Turns).Speaker);
    }

    [Fact]
    public void Coming_in_while_the_other_talks_and_keeping_on_after_they_stop_is_an_interruption_that_takes_the_floor()
    {
        // A talks 0–10 s; B starts at 8 s and talks on to 15 s
        var summary = Analysis.Analyse([Speech(Participant.A, 0, 10), Speech(Participant.B, 8, 15)]);

        Assert.Equal(OverlapKind.Interruption, Assert.Single(summary.Overlaps).Kind);
        Assert.Equal(1, summary.Interruptions(Participant.B));
        Assert.Equal([Participant.A, Participant.B], summary.Turns.Select(t => t.Speaker));
        Assert.Equal(MediaTime.FromSeconds(8), summary.Turns[0].End);
    }

    [Fact]
    public void Turn_switches_with_a_gap_give_switch_pauses_and_talk_share()
    {
        var summary = Analysis.Analyse(
        [
            Speech(Participant.A, 0, 6), Speech(Participant.B, 6.5, 9), Speech(Participant.A, 10, 12),
        ]);

        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)], summary.SwitchPauses.ToArray());
        Assert.Equal(8.0 / 10.5, summary.TalkShareA, 12);
        Assert.Equal(TimeSpan.FromSeconds(6), summary.LongestMonologue!.Duration);
    }

    [Fact]
    public void Pauses_within_ones_own_speech_stay_in_the_same_turn()
    {
        var summary = Analysis.Analyse([Speech(Participant.A, 0, 3), Speech(Participant.A, 4, 8), Speech(Participant.B, 9, 10)]);

        Assert.Equal(TimeSpan.FromSeconds(8), summary.Turns[0].Duration);
        Assert.Equal(2, summary.Turns.Length);
    }

    [Fact]
    public void Nobody_speaking_gives_no_turns_and_no_talk_share()
    {
        var summary = Analysis.Analyse([]);

        Assert.Empty(summary.Turns);
        Assert.True(double.IsNaN(summary.TalkShareA));
        Assert.Null(summary.LongestMonologue);
    }

    private static SpeechUnit Speech(Participant who, double start, double end) =>
        SpeechUnit.Unmeasured(who, MediaTime.FromSeconds(start), MediaTime.FromSeconds(end));
}
