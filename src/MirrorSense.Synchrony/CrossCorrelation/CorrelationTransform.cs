namespace MirrorSense.Synchrony.CrossCorrelation;

/// <summary>rMEA's post-processing of every cell: optional Fisher z (clipped to ±10), then optional absolute value.</summary>
internal static class CorrelationTransform
{
    public const double FisherZLimit = 10;

    public static double Apply(double r, CrossCorrelationSettings settings)
    {
        if (double.IsNaN(r))
            return r;
        if (settings.FisherZ)
            r = Math.Clamp(Math.Atanh(r), -FisherZLimit, FisherZLimit);
        if (settings.Absolute)
            r = Math.Abs(r);
        return r;
    }
}
