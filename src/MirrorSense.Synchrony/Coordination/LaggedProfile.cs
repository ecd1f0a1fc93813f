using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;

namespace MirrorSense.Synchrony.Coordination;

/// <summary>
/// A signed, Fisher-z window × lag matrix read as "how similar, at which lag": per lag the mean z over
/// windows (back to r), its highest value and lag, and each window's best r and lag.
/// </summary>
internal sealed class LaggedProfile
{
    private readonly CrossCorrelationResult _result;

    private LaggedProfile(CrossCorrelationResult result, ImmutableArray<double> profile)
    {
        _result = result;
        Profile = profile;
        var best = Statistics.ArgMaxOfPresent(profile.AsSpan());
        Best = best < 0 ? double.NaN : profile[best];
        BestLagSeconds = best < 0 ? double.NaN : result.Settings.LagSecondsAt(best);
    }

    public ImmutableArray<double> Profile { get; }
    public double Best { get; }
    public double BestLagSeconds { get; }

    public IEnumerable<double> WindowBests => _result.Windows.Select(w => WindowBest(w).Value);

    public static LaggedProfile Of(CrossCorrelationResult result)
    {
        if (!result.Settings.FisherZ || result.Settings.Absolute)
            throw new ArgumentException("A lagged profile reads signed Fisher-z correlations.", nameof(result));
        var lags = result.Settings.LagCount;
        var profile = new double[lags];
        var column = new double[result.Windows.Length];
        for (var l = 0; l < lags; l++)
        {
            for (var w = 0; w < column.Length; w++)
                column[w] = result.Windows[w].Values[l];
            profile[l] = Math.Tanh(Statistics.MeanOfPresent(column));
        }

        return new LaggedProfile(result, [.. profile]);
    }

    public ImmutableArray<MeasureWindow> Windows(MediaTime origin) =>
    [
        .. _result.Windows.Select(w =>
        {
            var (value, lag) = WindowBest(w);
            return new MeasureWindow(origin + (w.Start - MediaTime.Zero), origin + (w.End - MediaTime.Zero), value, lag, SurrogateTest.LeaderAt(lag));
        }),
    ];

    private (double Value, double LagSeconds) WindowBest(CrossCorrelationWindow window)
    {
        var best = Statistics.ArgMaxOfPresent(window.Values.AsSpan());
        return best < 0 ? (double.NaN, double.NaN) : (Math.Tanh(window.Values[best]), _result.Settings.LagSecondsAt(best));
    }
}
