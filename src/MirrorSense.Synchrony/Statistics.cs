namespace MirrorSense.Synchrony;

/// <summary>Descriptive statistics over series where NaN marks a missing value (R's <c>na.rm = TRUE</c>).</summary>
public static class Statistics
{
    public static int CountPresent(ReadOnlySpan<double> values)
    {
        var count = 0;
        foreach (var v in values)
            if (!double.IsNaN(v))
                count++;
        return count;
    }

    /// <summary>
    /// Mean of the present values, NaN when there are none. Like R's <c>mean</c>, a second pass adds
    /// the mean residual, so the result does not depend on summation order beyond the last bit.
    /// </summary>
    public static double MeanOfPresent(ReadOnlySpan<double> values)
    {
        double sum = 0;
        var count = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
                continue;
            sum += v;
            count++;
        }

        if (count == 0)
            return double.NaN;
        var mean = sum / count;
        if (!double.IsFinite(mean))
            return mean;
        double residual = 0;
        foreach (var v in values)
            if (!double.IsNaN(v))
                residual += v - mean;
        return mean + residual / count;
    }

    /// <summary>Sample standard deviation (n - 1 denominator) of the present values; NaN with fewer than two.</summary>
    public static double StandardDeviationOfPresent(ReadOnlySpan<double> values)
    {
        var mean = MeanOfPresent(values);
        var count = CountPresent(values);
        if (count < 2)
            return double.NaN;
        double squares = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
                continue;
            var d = v - mean;
            squares += d * d;
        }

        return Math.Sqrt(squares / (count - 1));
    }

    /// <summary>Median of the present values (mean of the two middle ones for an even count); NaN when none.</summary>
    public static double MedianOfPresent(ReadOnlySpan<double> values)
    {
        var present = SortedPresent(values);
        if (present.Count == 0)
            return double.NaN;
        var mid = present.Count / 2;
        return present.Count % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
    }

    /// <summary>
    /// The <paramref name="probability"/> quantile of the present values, interpolating between order
    /// statistics (R's default, type 7); NaN when none.
    /// </summary>
    public static double QuantileOfPresent(ReadOnlySpan<double> values, double probability)
    {
        if (!(probability >= 0 && probability <= 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A quantile's probability lies in [0, 1].");
        var present = SortedPresent(values);
        if (present.Count == 0)
            return double.NaN;
        var position = probability * (present.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, present.Count - 1);
        return present[below] + (position - below) * (present[above] - present[below]);
    }

    /// <summary>Index of the first highest present value; -1 when none is present.</summary>
    public static int ArgMaxOfPresent(ReadOnlySpan<double> values)
    {
        var best = -1;
        for (var i = 0; i < values.Length; i++)
            if (!double.IsNaN(values[i]) && (best < 0 || values[i] > values[best]))
                best = i;
        return best;
    }

    private static List<double> SortedPresent(ReadOnlySpan<double> values)
    {
        var present = new List<double>(values.Length);
        foreach (var v in values)
            if (!double.IsNaN(v))
                present.Add(v);
        present.Sort();
        return present;
    }

    /// <summary>Accumulates a mean of present values without keeping them.</summary>
    public struct RunningMean
    {
        private double _sum;
        private long _count;

        public void Add(double value)
        {
            if (double.IsNaN(value))
                return;
            _sum += value;
            _count++;
        }

        public readonly long Count => _count;
        public readonly double Mean => _count == 0 ? double.NaN : _sum / _count;
    }
}
