using BenchmarkDotNet.Attributes;
using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Preprocessing;

namespace MirrorSense.Bench;

/// <summary>
/// The engine alone on the 20 rMEA recordings (10 min at 25 Hz each), as rMEA's MEAccf is timed:
/// configuration A (raw, lag 5 s, window 60 s, increment 30 s) and B (smooth, scale, lag 5, window 30, increment 10).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly CrossCorrelationSettings ConfigA = new(25, 5, 60, 30);
    private static readonly CrossCorrelationSettings ConfigB = new(25, 5, 30, 10, fisherZ: true, absolute: false);
    private DyadSeries[] _raw = [];
    private DyadSeries[] _smoothed = [];

    [GlobalSetup]
    public void Load()
    {
        _raw = ReferenceInputs.Dyads();
        _smoothed = [.. _raw.Select(d => d.Apply(new RMeaMovingAverage(0.5), new StandardDeviationScaling()))];
    }

    [Benchmark(Description = "config A, 20 dyads (MEAccf)")]
    public double ConfigurationA() => _raw.Sum(d => WindowedCrossCorrelation.Compute(d, ConfigA).Summary.GrandMean);

    [Benchmark(Description = "config B, 20 dyads (MEAccf, pre-processed)")]
    public double ConfigurationB() => _smoothed.Sum(d => WindowedCrossCorrelation.Compute(d, ConfigB).Summary.GrandMean);

    [Benchmark(Description = "smooth + scale, 20 dyads (MEAsmooth, MEAscale)")]
    public int Preprocessing() => _raw.Sum(d => d.Apply(new RMeaMovingAverage(0.5), new StandardDeviationScaling()).Length);
}
