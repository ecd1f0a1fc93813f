using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;

namespace MirrorSense.Synchrony.Tests;

/// <summary>Seeded random dyads and settings that exercise the awkward corners: gaps, constant runs, ties.</summary>
internal static class RandomDyads
{
    public static (DyadSeries Dyad, CrossCorrelationSettings Settings) Create(int seed)
    {
        var random = new Random(seed);
        var rate = random.Next(2) == 0 ? 25.0 : 10.0;
        var lag = random.Next(0, 12);
        var window = random.Next(4, 90);
        var increment = random.Next(1, 60);
        var length = lag + window + random.Next(0, 1500);
        var settings = new CrossCorrelationSettings(rate, lag / rate, window / rate, increment / rate,
            fisherZ: random.Next(2) == 0, absolute: random.Next(2) == 0);
        var a = Series(random, length);
        var b = Series(random, length);
        // Sometimes B follows A, so strong correlations occur too.
        if (random.Next(3) == 0)
        {
            var delay = random.Next(0, lag + 1);
            for (var i = delay; i < length; i++)
                b[i] = double.IsNaN(a[i - delay]) ? b[i] : 0.8 * a[i - delay] + 0.2 * b[i];
        }

        return (DyadSeries.FromArrays($"random-{seed}", rate, a, b), settings);
    }

    private static double[] Series(Random random, int length)
    {
        var series = new double[length];
        var motionEnergyLike = random.Next(2) == 0;
        var level = random.NextDouble() * 100;
        var gapChance = random.NextDouble() * 0.02;
        for (var i = 0; i < length; i++)
        {
            level += random.NextDouble() - 0.5;
            series[i] = motionEnergyLike
                ? (random.NextDouble() < 0.5 ? 0 : Math.Round(random.NextDouble() * 20))   // integer counts, many zeros
                : level + random.NextDouble();
        }

        // Runs of missing samples, some long enough to knock out whole windows.
        for (var i = 0; i < length; i++)
        {
            if (random.NextDouble() >= gapChance)
                continue;
            var run = random.Next(1, random.Next(2) == 0 ? 5 : 200);
            for (var k = i; k < Math.Min(length, i + run); k++)
                series[k] = double.NaN;
            i += run;
        }

        return series;
    }
}
