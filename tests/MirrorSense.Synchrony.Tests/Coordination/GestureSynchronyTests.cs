using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Testing;

namespace MirrorSense.Synchrony.Tests.Coordination;

public sealed class GestureSynchronyTests
{
    [SkippableTheory]
    [InlineData("normal", "200_01")]
    [InlineData("dropout", "100_01")]
    public void Gesture_synchrony_on_rmea_data_is_the_engine_result_on_the_same_series(string group, string id)
    {
        var dyad = ReferenceDyads.Load(group, id);
        var options = new GestureSynchronyOptions(LagSeconds: 5, WindowSeconds: 60, IncrementSeconds: 30, Surrogates: 0);

        var measure = new GestureSynchrony(options).Compute(dyad);
        var engine = WindowedCrossCorrelation.Compute(dyad, new CrossCorrelationSettings(25, 5, 60, 30));

        Assert.Equal(engine.Summary.GrandMean, measure.Value);
        Assert.Equal(engine.Summary.BestLagMedianSeconds, measure.BestLagSeconds);
        Assert.Equal(engine.Summary.S1LeadMean, measure.Detail("s1_lead_mean"));
        Assert.Equal(engine.Windows.Select(w => w.Summary.AllLags), measure.Windows.Select(w => w.Value));
        Assert.Equal(engine.Windows.Select(w => w.Start), measure.Windows.Select(w => w.Start));
    }

    [Fact]
    public void Motion_that_B_repeats_two_seconds_later_is_significant_and_led_by_A()
    {
        var random = new Random(4);
        var a = Bursts(random, 3000);
        var b = new double[a.Length];
        for (var t = 0; t < b.Length; t++)
            b[t] = (t >= 50 ? a[t - 50] : 0) + random.NextDouble();
        var dyad = DyadSeries.FromArrays("repeat", 25, a, b);

        var measure = new GestureSynchrony(new GestureSynchronyOptions(Surrogates: 39)).Compute(dyad, MediaTime.FromSeconds(10));

        Assert.True(measure.Significant, $"p = {measure.PValue}");
        Assert.Equal(2.0, measure.BestLagSeconds, 6);
        Assert.Equal(Participant.A, measure.Leader);
        Assert.Equal(10.0, measure.Windows[0].Start.Seconds, 6);
        Assert.All(measure.Windows, w => Assert.InRange(w.PValue, 0, 0.05));
    }

    [Fact]
    public void Independent_motion_is_significant_about_as_rarely_as_the_test_level_allows()
    {
        // About 1 in 20 independent pairs comes out below 0.05 by chance; 3 or more of 12 would mean the surrogates are off.
        var measures = Enumerable.Range(50, 12).Select(seed =>
        {
            var random = new Random(seed);
            var dyad = DyadSeries.FromArrays($"independent-{seed}", 25, Bursts(random, 3000), Bursts(random, 3000));
            return new GestureSynchrony(new GestureSynchronyOptions(Surrogates: 39)).Compute(dyad);
        }).ToArray();

        Assert.True(measures.Count(m => m.Significant) <= 2, string.Join(", ", measures.Select(m => $"p = {m.PValue:0.###}")));
        Assert.True(measures.Count(m => m.Episodes.Length > 0) <= 2);
    }

    /// <summary>Motion energy as people make it: quiet stretches and bursts of movement of random length.</summary>
    internal static double[] Bursts(Random random, int length)
    {
        var series = new double[length];
        var t = 0;
        while (t < length)
        {
            var quiet = random.Next(10, 60);
            var burst = random.Next(5, 40);
            var height = 5 + 20 * random.NextDouble();
            for (var k = 0; k < quiet && t < length; k++, t++)
                series[t] = random.NextDouble();
            for (var k = 0; k < burst && t < length; k++, t++)
                series[t] = height * Math.Sin(Math.PI * k / burst) + random.NextDouble();
        }

        return series;
    }
}
