using MirrorSense.Synchrony.Features.Face;

namespace MirrorSense.Synchrony.Tests.Features.Face;

public sealed class SmilingTimelineTests
{
    private static readonly SmileThresholds Thresholds = new(Onset: 0.3, Offset: 0.15, MinimumSeconds: 0.3);

    [Fact]
    public void A_smile_hovering_at_the_onset_threshold_is_one_smile_not_a_flicker()
    {
        // 10 Hz: neutral, then a smile whose jitter crosses the onset threshold again and again without falling to the offset
        double[] smile = [0, 0, 0, .35, .25, .32, .28, .31, .22, .34, 0, 0];

        var timeline = SmilingTimeline.Of(smile, 10, Thresholds);

        Assert.Equal(3, Assert.Single(timeline.Onsets));
        Assert.Equal(7.0 / 12, timeline.SmilingShare, 10);
    }

    [Fact]
    public void A_twitch_shorter_than_the_minimum_is_no_smile()
    {
        double[] smile = [0, 0, .5, .5, 0, 0, .5, .5, .5, .5, 0];

        var timeline = SmilingTimeline.Of(smile, 10, Thresholds);

        Assert.Equal(6, Assert.Single(timeline.Onsets));
        Assert.Equal(false, timeline.States[2]);
    }

    [Fact]
    public void A_smile_already_under_way_when_the_face_appears_has_no_onset_and_unseen_samples_count_for_nothing()
    {
        double[] smile = [double.NaN, double.NaN, .6, .6, .6, .6, 0, 0, double.NaN, .6, .6, .6, .6];

        var timeline = SmilingTimeline.Of(smile, 10, Thresholds);

        Assert.Empty(timeline.Onsets);
        Assert.Null(timeline.States[0]);
        Assert.Equal(8.0 / 10, timeline.SmilingShare, 10);
    }

    [Fact]
    public void An_offset_above_the_onset_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => SmilingTimeline.Of([0.0], 10, new SmileThresholds(Onset: 0.2, Offset: 0.4)));

        Assert.Contains("offset", error.Message, StringComparison.Ordinal);
    }
}
