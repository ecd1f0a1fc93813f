using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Preprocessing;
using MirrorSense.Synchrony.Streaming;

namespace MirrorSense.Synchrony.Tests.Streaming;

public sealed class IncrementalCrossCorrelationTests
{
    private const double Tolerance = 1e-10;

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 300; seed++)
            seeds.Add(seed);
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Streaming_equals_batch_on_random_series_with_missing_values(int seed)
    {
        // Given a random dyad with gaps and random window settings
        var (dyad, settings) = RandomDyads.Create(seed);

        // When computed sample by sample and in one batch
        var streamed = Stream(dyad, settings);
        var batch = WindowedCrossCorrelation.Compute(dyad, settings);

        // Then both give the same windows
        AssertEqual(batch, streamed);
    }

    [SkippableFact]
    public void Streaming_equals_batch_on_the_reference_dyads_in_both_configurations()
    {
        foreach (var group in new[] { "normal", "dropout" })
        {
            foreach (var id in new[] { "200_01", "205_01", "100_01", "109_01" }.Where(id => id[0] == (group == "normal" ? '2' : '1')))
            {
                var raw = ReferenceDyads.Load(group, id);
                var configA = new CrossCorrelationSettings(25, 5, 60, 30);
                AssertEqual(WindowedCrossCorrelation.Compute(raw, configA), Stream(raw, configA));

                var smoothed = raw.Apply(new RMeaMovingAverage(0.5), new StandardDeviationScaling());
                var configB = new CrossCorrelationSettings(25, 5, 30, 10, fisherZ: true, absolute: false);
                AssertEqual(WindowedCrossCorrelation.Compute(smoothed, configB), Stream(smoothed, configB));
            }
        }
    }

    [Fact]
    public void A_window_is_returned_by_the_sample_that_completes_it_and_not_before()
    {
        // Given lag 2, window 10, increment 5 samples: window w ends with sample 5w + 11
        var settings = new CrossCorrelationSettings(1, 2, 10, 5);
        var correlation = new IncrementalCrossCorrelation(settings);
        var random = new Random(7);
        var completedAt = new List<long>();

        // When 40 samples arrive
        for (var t = 0; t < 40; t++)
        {
            if (correlation.Add(random.NextDouble(), random.NextDouble()) is { } window)
            {
                Assert.Equal(completedAt.Count, window.Index);
                completedAt.Add(t);
            }
        }

        // Then windows come out exactly at samples 11, 16, 21, ... (rMEA's n_win = ceiling((40 - 12 + 1) / 5) = 6)
        Assert.Equal([11, 16, 21, 26, 31, 36], completedAt);
    }

    [Fact]
    public void A_signal_synchronises_perfectly_with_a_shifted_copy_of_itself_at_lag_zero()
    {
        var settings = new CrossCorrelationSettings(10, 1, 5, 5, fisherZ: false, absolute: false);
        var random = new Random(3);
        var signal = Enumerable.Range(0, 200).Select(_ => random.NextDouble()).ToArray();
        var windows = Stream(DyadSeries.FromArrays("self", 10, signal, [.. signal.Select(v => v + 1)]), settings).Windows;

        Assert.All(windows, w => Assert.Equal(1.0, w.Summary.Lag0, 12));
        Assert.All(windows, w => Assert.Equal(0.0, w.Summary.BestLagSeconds));
    }

    [Fact]
    public void Identical_series_give_NA_at_lag_zero_as_rMEA_does()
    {
        // rMEA requires at least two pairs with x != y; a series paired with itself has none at lag 0.
        var settings = new CrossCorrelationSettings(10, 1, 5, 5);
        var signal = Enumerable.Range(0, 100).Select(i => Math.Sin(i / 3.0)).ToArray();
        var dyad = DyadSeries.FromArrays("same", 10, signal, signal);

        Assert.All(Stream(dyad, settings).Windows, w => Assert.True(double.IsNaN(w.Summary.Lag0)));
        Assert.All(WindowedCrossCorrelation.Compute(dyad, settings).Windows, w => Assert.True(double.IsNaN(w.Summary.Lag0)));
    }

    internal static CrossCorrelationResult Stream(DyadSeries dyad, CrossCorrelationSettings settings)
    {
        var correlation = new IncrementalCrossCorrelation(settings);
        var windows = new List<CrossCorrelationWindow>();
        for (var i = 0; i < dyad.Length; i++)
        {
            if (correlation.Add(dyad.A[i], dyad.B[i]) is { } window)
                windows.Add(window);
        }

        return new CrossCorrelationResult(dyad.Name, settings, [.. windows]);
    }

    internal static void AssertEqual(CrossCorrelationResult expected, CrossCorrelationResult actual)
    {
        Assert.Equal(expected.Windows.Length, actual.Windows.Length);
        for (var w = 0; w < expected.Windows.Length; w++)
        {
            Assert.Equal(expected.Windows[w].Index, actual.Windows[w].Index);
            Assert.Equal(expected.Windows[w].Start, actual.Windows[w].Start);
            for (var l = 0; l < expected.Settings.LagCount; l++)
            {
                var e = expected.Windows[w].Values[l];
                var a = actual.Windows[w].Values[l];
                Assert.True(double.IsNaN(e) == double.IsNaN(a), $"{expected.Dyad} window {w}, lag {l}: batch {e}, streaming {a}");
                if (!double.IsNaN(e))
                    Assert.True(Math.Abs(e - a) <= Tolerance, $"{expected.Dyad} window {w}, lag {l}: batch {e:R}, streaming {a:R}");
            }
        }
    }
}
