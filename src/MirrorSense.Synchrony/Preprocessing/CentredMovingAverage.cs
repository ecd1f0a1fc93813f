using System.Collections.Immutable;

namespace MirrorSense.Synchrony.Preprocessing;

/// <summary>
/// A centred moving average over an odd number of samples (the nearest odd count to seconds × rate),
/// averaging the present values in reach, so edges and gaps shrink the window instead of biasing it.
/// Missing inputs stay missing.
/// </summary>
public sealed class CentredMovingAverage : ISeriesTransform
{
    public CentredMovingAverage(double windowSeconds = 0.5)
    {
        if (!(windowSeconds > 0) || double.IsInfinity(windowSeconds))
            throw new ArgumentOutOfRangeException(nameof(windowSeconds), windowSeconds, "The smoothing window must be a positive number of seconds.");
        WindowSeconds = windowSeconds;
    }

    public double WindowSeconds { get; }

    public static int HalfWidth(double windowSeconds, double sampleRate) =>
        (int)Math.Max(0, Math.Round((windowSeconds * sampleRate - 1) / 2, MidpointRounding.AwayFromZero));

    public ImmutableArray<double> Apply(ImmutableArray<double> series, double sampleRate)
    {
        var half = HalfWidth(WindowSeconds, sampleRate);
        var length = series.Length;
        var output = new double[length];
        double sum = 0;
        var count = 0;
        // Sliding window [t - half, t + half]: add the entering sample, drop the leaving one.
        for (var i = 0; i < Math.Min(half, length); i++)
            Include(series[i], ref sum, ref count, +1);
        for (var t = 0; t < length; t++)
        {
            if (t + half < length)
                Include(series[t + half], ref sum, ref count, +1);
            if (t - half - 1 >= 0)
                Include(series[t - half - 1], ref sum, ref count, -1);
            output[t] = double.IsNaN(series[t]) || count == 0 ? double.NaN : sum / count;
        }

        return [.. output];
    }

    private static void Include(double value, ref double sum, ref int count, int sign)
    {
        if (double.IsNaN(value))
            return;
        sum += sign * value;
        count += sign;
    }
}
