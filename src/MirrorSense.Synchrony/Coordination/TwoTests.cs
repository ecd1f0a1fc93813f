namespace MirrorSense.Synchrony.Coordination;

/// <summary>
/// One p-value for a measure that asks its question two ways (tone: the contours and the turns; tempo: proximity and
/// synchrony): the smaller p, doubled (Bonferroni). Taking the smaller of two p-values unadjusted would call chance
/// coordination almost twice as often as α says; doubling keeps the rate at or below α whatever ties the two tests.
/// A test that could not be run leaves the other as it is.
/// </summary>
public static class TwoTests
{
    public static double PValue(double first, double second) =>
        double.IsNaN(first) ? second
        : double.IsNaN(second) ? first
        : Math.Min(1, 2 * Math.Min(first, second));
}
