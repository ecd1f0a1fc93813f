namespace MirrorSense.Synchrony.Coordination;

/// <summary>
/// Holm's step-down adjustment of several p-values from one session: with four measures tested, one of them
/// comes out below .05 by chance far more often than 5 % of the time; the adjusted p-values keep the chance of
/// any false "significant" among them at the nominal level, without assuming the tests are independent.
/// </summary>
public static class HolmAdjustment
{
    /// <summary>The adjusted p-values, in the order given; a missing (NaN) p stays missing and does not count as a test.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var tested = Enumerable.Range(0, pValues.Count).Where(i => !double.IsNaN(pValues[i])).OrderBy(i => pValues[i]).ToArray();
        var adjusted = Enumerable.Repeat(double.NaN, pValues.Count).ToArray();
        var running = 0.0;
        for (var rank = 0; rank < tested.Length; rank++)
        {
            // Each step may only raise the adjusted value: a smaller p never ends up with a larger adjusted one.
            running = Math.Max(running, Math.Min(1, (tested.Length - rank) * pValues[tested[rank]]));
            adjusted[tested[rank]] = running;
        }

        return adjusted;
    }
}
