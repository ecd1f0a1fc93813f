namespace MirrorSense.Synchrony.CrossCorrelation;

/// <summary>A peak of a window's lag profile: its lag in seconds and value.</summary>
public readonly record struct LagPeak(double LagSeconds, double Value);

/// <summary>
/// Boker et al.'s (2002) peak picking: per window, the local maximum of the cross-correlation
/// over lags that lies nearest to lag 0 — the lead/lag of the closest coupling rather than the
/// global maximum, which often sits at the edge of the lag range.
/// </summary>
public static class PeakPicking
{
    /// <summary>
    /// The local maximum nearest to lag 0, or null when the profile has none. A local maximum is
    /// a present value greater than every present value within <paramref name="span"/> lags on
    /// either side and not at the edge of the lag range; ties in distance go to the larger value.
    /// </summary>
    public static LagPeak? NearestToZero(CrossCorrelationWindow window, CrossCorrelationSettings settings, int span = 1)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfLessThan(span, 1);
        var values = window.Values;
        LagPeak? best = null;
        var bestDistance = int.MaxValue;
        for (var i = span; i < values.Length - span; i++)
        {
            if (double.IsNaN(values[i]) || !IsLocalMaximum(values.AsSpan(), i, span))
                continue;
            var distance = Math.Abs(i - settings.LagSamples);
            if (distance < bestDistance || (distance == bestDistance && values[i] > best!.Value.Value))
            {
                best = new LagPeak(settings.LagSecondsAt(i), values[i]);
                bestDistance = distance;
            }
        }

        return best;
    }

    private static bool IsLocalMaximum(ReadOnlySpan<double> values, int i, int span)
    {
        for (var k = i - span; k <= i + span; k++)
        {
            if (k == i || double.IsNaN(values[k]))
                continue;
            // Strictly above on the left and at least as high on the right: a plateau yields its first point.
            if (k < i ? values[k] >= values[i] : values[k] > values[i])
                return false;
        }

        return true;
    }
}
