namespace MirrorSense.Sessions.Readers;

/// <summary>
/// A long series reduced for plotting as it streams by: the mean of the present values in each bin of
/// fixed width from an origin. A bin without any present value stays missing, so gaps survive the
/// reduction instead of turning into zeros. Memory grows with the number of bins, not of samples.
/// </summary>
public sealed class BinnedSeries
{
    private readonly List<double> _sums = [];
    private readonly List<int> _counts = [];

    public BinnedSeries(double originSeconds, double binSeconds)
    {
        if (!(binSeconds > 0) || !double.IsFinite(binSeconds))
            throw new ArgumentOutOfRangeException(nameof(binSeconds), binSeconds, "A bin must last a positive number of seconds.");
        if (!double.IsFinite(originSeconds))
            throw new ArgumentOutOfRangeException(nameof(originSeconds), originSeconds, "The origin must be a time in seconds.");
        OriginSeconds = originSeconds;
        BinSeconds = binSeconds;
    }

    public double OriginSeconds { get; }

    public double BinSeconds { get; }

    public int Count => _sums.Count;

    /// <summary>Records one sample; a missing value (NaN) only extends the series, and times before the origin are ignored.</summary>
    public void Add(double seconds, double value)
    {
        var index = (long)Math.Floor((seconds - OriginSeconds) / BinSeconds);
        if (index < 0)
            return;
        while (_sums.Count <= index)
        {
            _sums.Add(0);
            _counts.Add(0);
        }

        if (double.IsNaN(value))
            return;
        _sums[(int)index] += value;
        _counts[(int)index]++;
    }

    /// <summary>Bin centres (s).</summary>
    public double[] Times() => [.. Enumerable.Range(0, Count).Select(i => OriginSeconds + ((i + 0.5) * BinSeconds))];

    /// <summary>Bin means; NaN where the bin had no present value.</summary>
    public double[] Means() => [.. Enumerable.Range(0, Count).Select(i => _counts[i] == 0 ? double.NaN : _sums[i] / _counts[i])];

    public bool HasValues => _counts.Any(c => c > 0);
}
