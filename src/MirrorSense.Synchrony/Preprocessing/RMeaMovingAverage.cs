using System.Collections.Immutable;

namespace MirrorSense.Synchrony.Preprocessing;

/// <summary>
/// rMEA's <c>MEAsmooth</c> moving average (its <c>sasFiltB</c>), reproduced quirk for quirk so results
/// match published rMEA analyses: the window n = seconds × rate may be fractional, the index range
/// is R's <c>i1:i2</c> with each index truncated, a sum that touches a missing value or runs past the
/// end becomes 0, and the divisor is always n. Missing inputs stay missing.
/// (So a constant 1 at 25 Hz becomes 0.96 and the last samples become 0; use
/// <see cref="CentredMovingAverage"/> for a proper average.)
/// </summary>
public sealed class RMeaMovingAverage : ISeriesTransform
{
    // R's `:` counts floor(|to - from| + 1 + FLT_EPSILON) elements.
    private const double RColonFuzz = 1.1920928955078125e-07;

    public RMeaMovingAverage(double windowSeconds = 0.5)
    {
        if (!(windowSeconds > 0) || double.IsInfinity(windowSeconds))
            throw new ArgumentOutOfRangeException(nameof(windowSeconds), windowSeconds, "The smoothing window must be a positive number of seconds.");
        WindowSeconds = windowSeconds;
    }

    public double WindowSeconds { get; }

    public ImmutableArray<double> Apply(ImmutableArray<double> series, double sampleRate)
    {
        var n = WindowSeconds * sampleRate;
        var half = (n - 1) / 2;
        var length = series.Length;
        var output = new double[length];
        for (var t = 1; t <= length; t++)
        {
            if (double.IsNaN(series[t - 1]))
            {
                output[t - 1] = double.NaN;
                continue;
            }

            var i1 = t - half;
            if (i1 < 1)
                i1 = 1;
            var i2 = t + half;
            var step = i2 >= i1 ? 1.0 : -1.0;
            var count = (long)Math.Floor(Math.Abs(i2 - i1) + 1 + RColonFuzz);
            double sum = 0;
            var broken = false;
            for (long k = 0; k < count && !broken; k++)
            {
                var index = (long)(i1 + k * step); // R truncates fractional subscripts toward zero
                if (index == 0)
                    continue; // x[0] selects nothing in R
                if (index > length || double.IsNaN(series[(int)index - 1]))
                    broken = true;
                else
                    sum += series[(int)index - 1];
            }

            output[t - 1] = broken ? 0 : sum / n;
        }

        return [.. output];
    }
}
