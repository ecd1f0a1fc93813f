using System.Collections.Immutable;

namespace MirrorSense.Synchrony.Preprocessing;

/// <summary>
/// rMEA's <c>MEAscale(scale = "sd", center = FALSE)</c>: each series divided by its own sample standard
/// deviation over its present values, without centring.
/// </summary>
public sealed class StandardDeviationScaling : ISeriesTransform
{
    public ImmutableArray<double> Apply(ImmutableArray<double> series, double sampleRate)
    {
        var sd = Statistics.StandardDeviationOfPresent(series.AsSpan());
        var output = new double[series.Length];
        for (var i = 0; i < output.Length; i++)
            output[i] = series[i] / sd;
        return [.. output];
    }
}
