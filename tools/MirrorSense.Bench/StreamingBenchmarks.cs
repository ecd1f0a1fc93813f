using BenchmarkDotNet.Attributes;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Streaming;

namespace MirrorSense.Bench;

/// <summary>
/// Cost of one new sample pair in the streaming correlator as the window grows (lag 5 s, increment
/// 10 s, 25 Hz): it should stay flat, since each pair touches one running block per lag.
/// </summary>
[MemoryDiagnoser]
public class StreamingBenchmarks
{
    private const int Samples = 25 * 600;
    private double[] _a = [];
    private double[] _b = [];

    [Params(30, 60, 120)]
    public int WindowSeconds { get; set; }

    [GlobalSetup]
    public void Generate()
    {
        var random = new Random(1);
        _a = [.. Enumerable.Range(0, Samples).Select(_ => random.NextDouble())];
        _b = [.. Enumerable.Range(0, Samples).Select(_ => random.NextDouble())];
    }

    /// <summary>10 minutes of pairs; divide by 15,000 for the cost per pair.</summary>
    [Benchmark(OperationsPerInvoke = Samples)]
    public int PerSamplePair()
    {
        var correlation = new IncrementalCrossCorrelation(new CrossCorrelationSettings(25, 5, WindowSeconds, 10));
        var windows = 0;
        for (var i = 0; i < Samples; i++)
        {
            if (correlation.Add(_a[i], _b[i]) is not null)
                windows++;
        }

        return windows;
    }
}
