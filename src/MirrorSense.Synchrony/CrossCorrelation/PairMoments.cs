namespace MirrorSense.Synchrony.CrossCorrelation;

/// <summary>
/// Centred second moments of the complete (both present) pairs of one window at one lag: what
/// rMEA's correlation needs. <see cref="SquaresX"/> and <see cref="SquaresY"/> are exactly zero when a
/// series is constant over the pairs (both producers guarantee it), which is where R answers NA.
/// </summary>
/// <param name="Count">Complete pairs.</param>
/// <param name="Differing">Complete pairs with x != y; rMEA needs <see cref="EnoughDiffering"/>, so producers may stop counting there.</param>
/// <param name="SquaresX">Σ (x - x̄)².</param>
/// <param name="SquaresY">Σ (y - ȳ)².</param>
/// <param name="Products">Σ (x - x̄)(y - ȳ).</param>
internal readonly record struct PairMoments(long Count, long Differing, double SquaresX, double SquaresY, double Products)
{
    public const int EnoughDiffering = 2;

    /// <summary>Pearson's r over the complete pairs, or NaN where rMEA gives NA.</summary>
    public double Correlation()
    {
        if (Count < 2 || Differing < EnoughDiffering || !(SquaresX > 0) || !(SquaresY > 0))
            return double.NaN;
        return Math.Clamp(Products / (Math.Sqrt(SquaresX) * Math.Sqrt(SquaresY)), -1.0, 1.0);
    }
}
