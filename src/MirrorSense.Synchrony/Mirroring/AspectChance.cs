namespace MirrorSense.Synchrony.Mirroring;

/// <summary>
/// How well each aspect of a posture matches by chance: the mean and spread of its best window-averaged similarity
/// (Fisher z, at any lag) across rotations of B. Puts every aspect on one scale, whatever its own chance level.
/// </summary>
internal sealed class AspectChance
{
    private readonly double[] _mean;
    private readonly double[] _spread;

    private AspectChance(double[] mean, double[] spread) => (_mean, _spread) = (mean, spread);

    /// <param name="rotations">Per rotation, per aspect, the window-averaged z at each lag.</param>
    /// <param name="aspects">How many aspects there are.</param>
    public static AspectChance Of(IReadOnlyList<double[][]> rotations, int aspects)
    {
        var mean = new double[aspects];
        var spread = new double[aspects];
        for (var g = 0; g < aspects; g++)
        {
            var bests = rotations.Select(r => PostureMirroring.Max(r[g])).ToArray();
            mean[g] = Statistics.MeanOfPresent(bests);
            spread[g] = Statistics.StandardDeviationOfPresent(bests);
        }

        return new AspectChance(mean, spread);
    }

    /// <summary>
    /// Each aspect's best similarity in units of its chance spread above its chance mean (NaN where the aspect has no
    /// value or never varies by chance).
    /// </summary>
    public double[] Standardized(double[][] byLag) =>
    [
        .. byLag.Select((profile, g) => _spread[g] > 0 ? (PostureMirroring.Max(profile) - _mean[g]) / _spread[g] : double.NaN),
    ];

    /// <summary>The sum of the aspects' standardized bests over the square root of their number: the session statistic.</summary>
    public double Statistic(double[][] byLag)
    {
        var standardized = Standardized(byLag).Where(t => !double.IsNaN(t)).ToArray();
        return standardized.Length == 0 ? double.NaN : standardized.Sum() / Math.Sqrt(standardized.Length);
    }

    /// <summary>
    /// The aspects' weights in the reported similarity: how far beyond chance each matched, over its spread (so in units
    /// of z); all alike over their spread when none matched beyond chance; all alike without rotations.
    /// </summary>
    public double[] Weights(double[][] byLag)
    {
        var standardized = Standardized(byLag);
        if (standardized.All(double.IsNaN))
            return [.. byLag.Select(_ => 1.0)];
        var beyond = standardized.Select((t, g) => t > 0 ? t / _spread[g] : 0).ToArray();
        return beyond.Any(w => w > 0) ? beyond : [.. standardized.Select((t, g) => double.IsNaN(t) ? 0 : 1 / _spread[g])];
    }
}
