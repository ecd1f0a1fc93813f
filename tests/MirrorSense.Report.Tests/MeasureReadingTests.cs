using MirrorSense.Sessions.Analysis;

namespace MirrorSense.Report.Tests;

public sealed class MeasureReadingTests
{
    [Fact]
    public void A_significant_lead_of_B_reads_as_A_following_B()
    {
        // Given posture mirroring with B leading by 1.2 s, same-side similarity higher
        var measure = Measure("posture_mirroring", significant: true, lag: -1.2, leader: "B", ("mirrored_similarity", 0.2), ("anatomical_similarity", 0.6));

        // Then the sentence names A as the follower, the lag, p and the kind of similarity
        Assert.Equal("A mirrors B's posture about 1.2 s later (p = 0.01); same-side (0.60) more than as a mirror image (0.20).", MeasureReading.Of(measure));
    }

    [Fact]
    public void A_result_within_chance_says_so_before_anything_else()
    {
        var measure = Measure("gesture_synchrony", significant: false, lag: 0.5, leader: "A");

        Assert.Equal("Not beyond chance (p = 0.01); at best, B's movement follows A's about 0.5 s later.", MeasureReading.Of(measure));
    }

    [Fact]
    public void No_leader_reads_as_moving_together()
    {
        var measure = Measure("tone", significant: true, lag: 0, leader: null);

        Assert.Equal("A's and B's pitch move together with no clear lead (p = 0.01).", MeasureReading.Of(measure));
    }

    [Fact]
    public void A_result_that_does_not_survive_the_adjustment_for_the_sessions_measures_reads_as_within_chance()
    {
        // Given a raw p below .05 whose Holm-adjusted p is not
        var measure = Measure("tone", significant: true, lag: 2, leader: "A") with { PAdjusted = 0.04 * 3 };

        // Then the sentence follows the adjusted p, and shows both
        Assert.Equal("Not beyond chance (p = 0.01, adjusted for the session's measures 0.12); at best, B's pitch follows A's about 2 s later.", MeasureReading.Of(measure));
    }

    [Fact]
    public void A_best_lag_at_the_edge_of_the_search_reads_as_a_trend_without_a_leader()
    {
        var measure = Measure("tone", significant: false, lag: -8, leader: null) with { LagAtEdge = true };

        Assert.Equal("Not beyond chance (p = 0.01); at best, A's and B's pitch move together with no clear lead (the best lag lies at the edge of the lags searched: a slow trend, not an alignment).", MeasureReading.Of(measure));
    }

    [Fact]
    public void Proximity_reads_as_leaning_together_with_the_distance_trend_labelled_descriptive()
    {
        var measure = Measure("proximity", significant: true, lag: 1, leader: "A", ("distance_change_per_minute", -0.25));

        Assert.Equal("B leans towards and away from A as A does about 1 s later (p = 0.01); their distance changed by -0.25 shoulder widths per minute (descriptive, not tested).", MeasureReading.Of(measure));
    }

    [Fact]
    public void A_measure_without_a_value_reads_as_not_computed()
    {
        var measure = new MeasureSummary("tempo", null, null, null, null, null, []);

        Assert.Equal("Tempo could not be computed.", MeasureReading.Of(measure));
    }

    private static MeasureSummary Measure(string name, bool significant, double lag, string? leader, params (string Name, double Value)[] details) =>
        new(name, 0.5, 0.01, significant, lag, leader, [.. details.Select(d => KeyValuePair.Create(d.Name, (double?)d.Value))]);
}
