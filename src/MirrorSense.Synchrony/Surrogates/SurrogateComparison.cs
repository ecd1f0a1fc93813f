namespace MirrorSense.Synchrony.Surrogates;

/// <summary>
/// Real dyads against their surrogates on one statistic: means, SDs, Cohen's d (pooled SD) and a
/// one-sided permutation p-value for "real above surrogate", (1 + #{permuted difference ≥ observed}) / (1 + permutations).
/// </summary>
public sealed record SurrogateComparison(
    int RealCount,
    double RealMean,
    double RealSd,
    int SurrogateCount,
    double SurrogateMean,
    double SurrogateSd,
    double CohensD,
    double PValue,
    int Permutations,
    int Seed)
{
    public static SurrogateComparison Compare(IEnumerable<double> real, IEnumerable<double> surrogate, int permutations = 9999, int seed = 1)
    {
        var r = real.Where(v => !double.IsNaN(v)).ToArray();
        var s = surrogate.Where(v => !double.IsNaN(v)).ToArray();
        if (r.Length == 0 || s.Length == 0)
            throw new ArgumentException($"Comparison needs present values on both sides; got {r.Length} real and {s.Length} surrogate.");
        if (permutations < 1)
            throw new ArgumentOutOfRangeException(nameof(permutations), permutations, "Use at least one permutation.");

        var realMean = Statistics.MeanOfPresent(r);
        var surrogateMean = Statistics.MeanOfPresent(s);
        var realSd = Statistics.StandardDeviationOfPresent(r);
        var surrogateSd = Statistics.StandardDeviationOfPresent(s);
        var pooledDf = r.Length + s.Length - 2;
        var pooled = pooledDf > 0
            ? Math.Sqrt(((r.Length - 1) * Sq(realSd, r.Length) + (s.Length - 1) * Sq(surrogateSd, s.Length)) / pooledDf)
            : double.NaN;
        var d = pooled > 0 ? (realMean - surrogateMean) / pooled : double.NaN;

        var pooledValues = r.Concat(s).ToArray();
        var total = pooledValues.Sum();
        var observed = realMean - surrogateMean;
        var random = new Random(seed);
        var atLeast = 0;
        for (var p = 0; p < permutations; p++)
        {
            random.Shuffle(pooledValues);
            var firstSum = 0.0;
            for (var i = 0; i < r.Length; i++)
                firstSum += pooledValues[i];
            var difference = firstSum / r.Length - (total - firstSum) / s.Length;
            // A tolerance keeps ties (same values, other summation order) counted as ties.
            if (difference >= observed - 1e-12 * Math.Max(1, Math.Abs(observed)))
                atLeast++;
        }

        return new SurrogateComparison(r.Length, realMean, realSd, s.Length, surrogateMean, surrogateSd, d,
            (1.0 + atLeast) / (1.0 + permutations), permutations, seed);
    }

    // A single value has no spread of its own; it adds nothing to the pooled variance.
    private static double Sq(double sd, int count) => count < 2 ? 0 : sd * sd;
}
