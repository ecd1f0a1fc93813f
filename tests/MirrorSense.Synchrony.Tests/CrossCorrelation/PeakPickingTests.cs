using MirrorSense.Synchrony.CrossCorrelation;

namespace MirrorSense.Synchrony.Tests.CrossCorrelation;

public sealed class PeakPickingTests
{
    private static readonly CrossCorrelationSettings Settings = new(1, 4, 10, 10);

    [Fact]
    public void The_local_maximum_nearest_to_lag_zero_wins_over_a_higher_one_further_away()
    {
        //                lag: -4   -3   -2   -1    0    1    2    3    4
        var window = Window(0.1, 0.9, 0.2, 0.3, 0.2, 0.25, 0.5, 0.3, 0.2);

        var peak = PeakPicking.NearestToZero(window, Settings);

        Assert.Equal(new LagPeak(-1, 0.3), peak);
    }

    [Fact]
    public void Equal_distances_go_to_the_higher_peak()
    {
        var window = Window(0.0, 0.1, 0.2, 0.6, 0.1, 0.7, 0.2, 0.1, 0.0);

        Assert.Equal(new LagPeak(1, 0.7), PeakPicking.NearestToZero(window, Settings));
    }

    [Fact]
    public void A_monotone_profile_has_no_peak()
    {
        Assert.Null(PeakPicking.NearestToZero(Window(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), Settings));
    }

    [Fact]
    public void Missing_lags_are_skipped_not_treated_as_low()
    {
        var window = Window(0.1, 0.2, 0.3, double.NaN, 0.5, 0.4, double.NaN, 0.2, 0.1);

        Assert.Equal(new LagPeak(0, 0.5), PeakPicking.NearestToZero(window, Settings));
    }

    private static CrossCorrelationWindow Window(params double[] values) => new(0, Settings, [.. values]);
}
