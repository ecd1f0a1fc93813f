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
        // The first window also holds the 2 s before B's copy starts; every later one is beyond chance.
        Assert.All(measure.Windows.Skip(1), w => Assert.InRange(w.PValue, 0, 0.05));
    }

    [Fact]
    public void Independent_motion_of_any_session_length_is_significant_about_one_time_in_twenty()
    {
        // Given 60 independent pairs of 60 s to 3 min, each person's activity rising and falling on its own
        var measures = Enumerable.Range(50, 60).Select(seed =>
        {
            var random = new Random(seed);
            var length = 25 * (60 + seed % 7 * 20);
            var dyad = DyadSeries.FromArrays($"independent-{seed}", 25, Waxing(random, Bursts(random, length)), Waxing(random, Bursts(random, length)));
            return new GestureSynchrony(new GestureSynchronyOptions(Surrogates: 39)).Compute(dyad);
        }).ToArray();

        // Then about 3 are significant: 8 or more has a chance near 2 % if the test holds its level (segment
        // shuffles, whose seams shrink absolute correlations, made such pairs look synchronous).
        Assert.True(measures.Count(m => m.Significant) <= 7, string.Join(", ", measures.Select(m => $"p = {m.PValue:0.###}")));
    }

    /// <summary>The motion scaled by a slow swell of activity (periods of 20–60 s), as a person gets livelier and calmer.</summary>
    private static double[] Waxing(Random random, double[] motion)
    {
        var (period, phase) = (25 * (20 + 40 * random.NextDouble()), 2 * Math.PI * random.NextDouble());
        return [.. motion.Select((m, t) => m * (1.2 + Math.Sin(2 * Math.PI * t / period + phase)))];
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
