using System.Collections.Immutable;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Tests.Surrogates;

public sealed class PhaseRandomisationTests
{
    [Theory]
    [InlineData(256)]
    [InlineData(300)]
    [InlineData(301)]
    public void A_surrogate_of_a_series_without_trend_has_its_circular_autocorrelation(int length)
    {
        // Given a symmetric (so trend-free) random series of a power-of-two, even and odd length
        var series = Symmetric(new Random(length), length);

        // When surrogates are made
        var surrogate = new PhaseRandomisation(seed: 1).Create([series], 3).Last()[0];

        // Then it is another series with the same circular autocorrelation at every lag (the same power spectrum)
        Assert.NotEqual<double>(series, surrogate);
        for (var lag = 0; lag < length; lag += 7)
            Assert.Equal(CircularAutocovariance(series, lag), CircularAutocovariance(surrogate, lag), 9);
    }

    [Fact]
    public void Channels_turned_by_the_same_phases_stay_alike()
    {
        var series = Symmetric(new Random(2), 200);

        var surrogate = new PhaseRandomisation(seed: 4).Create([series, series], 1).Single();

        Assert.Equal<double>(surrogate[0], surrogate[1]);
    }

    [Fact]
    public void Missing_values_stay_missing_where_they_were_and_nowhere_else()
    {
        var values = Symmetric(new Random(3), 200).ToArray();
        for (var i = 50; i < 70; i++)
            values[i] = double.NaN;

        var surrogate = new PhaseRandomisation(seed: 5).Create([[.. values]], 1).Single()[0];

        Assert.Equal(values.Select(double.IsNaN), surrogate.Select(double.IsNaN));
    }

    [Fact]
    public void A_trend_of_the_series_is_kept()
    {
        // Given a series rising by 15 over its length, on top of noise of range 1
        var series = ImmutableArray.CreateRange(Symmetric(new Random(6), 300).Select((v, i) => v + 0.05 * i));

        // Then its surrogates rise the same way (each one's own wiggles tilt it a little)
        var slopes = new PhaseRandomisation(seed: 7).Create([series], 50).Select(s => Slope(s[0])).ToArray();

        Assert.InRange(slopes.Average(), 0.048, 0.052);
        Assert.All(slopes, slope => Assert.InRange(slope, 0.04, 0.06));
    }

    [Fact]
    public void Amplitude_adjusted_surrogates_keep_the_values_of_a_skewed_series()
    {
        // Given bursty, skewed values (motion energy) with no trend
        var random = new Random(8);
        var half = Enumerable.Range(0, 150).Select(_ => Math.Pow(random.NextDouble(), 4)).ToArray();
        ImmutableArray<double> series = [.. half, .. half.Reverse()];

        var surrogate = new PhaseRandomisation(seed: 9, amplitudeAdjusted: true).Create([series], 1).Single()[0];

        Assert.NotEqual<double>(series, surrogate);
        Assert.Equal(series.Order().Select(v => Math.Round(v, 9)), surrogate.Order().Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_surrogates()
    {
        var series = Symmetric(new Random(10), 100);

        var first = new PhaseRandomisation(seed: 11).Create([series], 2).Last()[0];
        var second = new PhaseRandomisation(seed: 11).Create([series], 2).Last()[0];

        Assert.Equal<double>(first, second);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Surrogates_drawn_in_turn_and_built_in_any_order_are_the_ones_create_gives(bool amplitudeAdjusted)
    {
        ImmutableArray<double> first = [.. Symmetric(new Random(12), 150).Select((v, i) => v + 0.01 * i)];
        var second = Symmetric(new Random(13), 150);

        var created = new PhaseRandomisation(seed: 14, amplitudeAdjusted).Create([first, second], 3).ToArray();
        var drawn = new PhaseRandomisation(seed: 14, amplitudeAdjusted).Draw([first, second], 3).ToArray();
        var builtBackwards = drawn.Reverse().Select(d => d.Build()).Reverse().ToArray();

        Assert.Equal(created.Length, builtBackwards.Length);
        foreach (var (expected, actual) in created.Zip(builtBackwards))
        {
            Assert.Equal<double>(expected[0], actual[0]);
            Assert.Equal<double>(expected[1], actual[1]);
        }
    }

    /// <summary>Random values mirrored about the middle: the least-squares slope is zero, so no trend is taken out.</summary>
    private static ImmutableArray<double> Symmetric(Random random, int length)
    {
        var values = new double[length];
        for (var i = 0; i < (length + 1) / 2; i++)
            values[i] = values[length - 1 - i] = random.NextDouble() - 0.5;
        return [.. values];
    }

    private static double CircularAutocovariance(IReadOnlyList<double> series, int lag)
    {
        var mean = series.Average();
        return Enumerable.Range(0, series.Count).Sum(i => (series[i] - mean) * (series[(i + lag) % series.Count] - mean)) / series.Count;
    }

    private static double Slope(IReadOnlyList<double> series)
    {
        var meanT = (series.Count - 1) / 2.0;
        var meanV = series.Average();
        return Enumerable.Range(0, series.Count).Sum(i => (i - meanT) * (series[i] - meanV)) / Enumerable.Range(0, series.Count).Sum(i => (i - meanT) * (i - meanT));
    }
}
