namespace MirrorSense.Synchrony.CrossCorrelation;

/// <summary>
/// rMEA's per-window aggregates (<c>ccfRes</c>): NaN where a value is undefined (no present lag in the range).
/// </summary>
/// <param name="Lag0">The cell at lag 0 (<c>lag_zero</c>).</param>
/// <param name="AllLags">Mean of the present cells (<c>all_lags</c>).</param>
/// <param name="S1Lead">Mean over positive lags: A leads, B follows (<c>s1_lead</c>).</param>
/// <param name="S2Lead">Mean over negative lags: B leads (<c>s2_lead</c>).</param>
/// <param name="BestLagSeconds">Lag of the first maximum scanning from -lag to +lag (<c>bestLag</c>).</param>
/// <param name="PresentLags">How many lags have a value.</param>
public readonly record struct WindowSummary(double Lag0, double AllLags, double S1Lead, double S2Lead, double BestLagSeconds, int PresentLags)
{
    internal static WindowSummary Of(ReadOnlySpan<double> values, CrossCorrelationSettings settings)
    {
        var lag = settings.LagSamples;
        var best = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]) && (best < 0 || values[i] > values[best]))
                best = i;
        }

        return new WindowSummary(
            Lag0: values[lag],
            AllLags: Statistics.MeanOfPresent(values),
            S1Lead: lag > 0 ? Statistics.MeanOfPresent(values[(lag + 1)..]) : double.NaN,
            S2Lead: lag > 0 ? Statistics.MeanOfPresent(values[..lag]) : double.NaN,
            BestLagSeconds: best < 0 ? double.NaN : settings.LagSecondsAt(best),
            PresentLags: Statistics.CountPresent(values));
    }
}
