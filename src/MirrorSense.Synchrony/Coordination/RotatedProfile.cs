using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Coordination;

/// <summary>
/// One rotation of B against A read as a lagged profile (windows across its seam left out), with the real alignment's
/// best over the same windows: the pair a rotation test compares (<see cref="CircularShifts.SameWindows"/>).
/// </summary>
internal readonly record struct RotatedProfile(LaggedProfile Profile, double Real)
{
    /// <summary>Both sides have a best (some window of the rotation survived and held values).</summary>
    public bool IsComparable => !double.IsNaN(Profile.Best) && !double.IsNaN(Real);

    public static RotatedProfile Of(DyadSeries series, CrossCorrelationResult real, int shift)
    {
        var rotated = CircularShifts.WithoutSeam(WindowedCrossCorrelation.Compute(series.WithSeries(series.A, Segments.Rotate(series.B, shift)), real.Settings), series.Length - shift);
        return new RotatedProfile(LaggedProfile.Of(rotated), LaggedProfile.Of(CircularShifts.SameWindows(real, rotated)).Best);
    }

    /// <summary>The rotation test's p over the comparable rotations (NaN when the real alignment has no best or none is comparable).</summary>
    public static double PValue(double realBest, IEnumerable<RotatedProfile> rotations) =>
        double.IsNaN(realBest) ? double.NaN : SurrogateTest.PValue([.. rotations.Where(r => r.IsComparable).Select(r => (r.Profile.Best, r.Real))]);
}
