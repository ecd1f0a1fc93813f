namespace MirrorSense.Bench.Calibration;

/// <summary>
/// One designed session's verdict on one measure: what the product's measure said (its p-value and best lag)
/// about a session whose truth is known (a null, where nothing couples the two people, or a designed effect).
/// </summary>
/// <param name="Measure">The measure's name as in summary.json (<c>posture_mirroring</c>, <c>tone</c>, …).</param>
/// <param name="Kind">The kind of null or effect, e.g. <c>null:pseudo-dyad</c> or <c>effect:mirror-0.6</c>.</param>
/// <param name="IsNull">True when nothing couples the two people in this session.</param>
/// <param name="Seed">The seed the session was built from (it reproduces the session).</param>
/// <param name="Seconds">Length of the session.</param>
/// <param name="PValue">The measure's p-value (NaN when the measure could not be tested: counted apart).</param>
/// <param name="BestLagSeconds">The measure's best lag (positive: B follows A), NaN where it has none.</param>
/// <param name="DesignedLagSeconds">The lag built into an effect (NaN for nulls and effects without a lag).</param>
/// <param name="LagAtEdge">True when the best lag lies at the edge of the search range.</param>
/// <param name="LiveIndex">The session mean of the live meter of the same channel, the session replayed through the live engine (NaN where there is no live meter).</param>
public sealed record CalibrationOutcome(
    string Measure,
    string Kind,
    bool IsNull,
    int Seed,
    double Seconds,
    double PValue,
    double BestLagSeconds,
    double DesignedLagSeconds,
    bool LagAtEdge,
    double LiveIndex = double.NaN)
{
    public const double Alpha = 0.05;

    public bool Tested => !double.IsNaN(PValue);

    public bool Significant => PValue < Alpha;

    /// <summary>The best lag lies within <paramref name="tolerance"/> of the designed one (false when either is missing).</summary>
    public bool LagFound(double tolerance) =>
        !double.IsNaN(DesignedLagSeconds) && !double.IsNaN(BestLagSeconds) && Math.Abs(BestLagSeconds - DesignedLagSeconds) <= tolerance + 1e-9;
}
