using System.Globalization;

namespace MirrorSense.Bench;

/// <summary>
/// Count, median, 95th percentile and maximum of latency samples in milliseconds (NaN when there are none), and how
/// many were below zero: nothing reaches the page before it is captured, so those say the capture stamps are late.
/// </summary>
internal sealed record LatencySummary(int Count, double MedianMs, double P95Ms, double MaxMs, int BelowZero)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, 0);

        // Nearest rank: the p95 is a sample that occurred, never an interpolation between two.
        double Rank(double quantile) => sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];
        return new LatencySummary(sorted.Length, Rank(0.5), Rank(0.95), sorted[^1], sorted.Count(ms => ms < 0));
    }

    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"n={Count}, median {MedianMs:0} ms, p95 {P95Ms:0} ms, max {MaxMs:0} ms");
        return BelowZero > 0 ? string.Create(CultureInfo.InvariantCulture, $"{text} ({BelowZero} below 0 ms: stamped later than captured)") : text;
    }
}
