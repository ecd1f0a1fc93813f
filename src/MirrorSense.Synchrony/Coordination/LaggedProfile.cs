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
    // The windows' bests, not the matrix: a measure holds one profile per surrogate, and a long session's matrices
    // would take hundreds of megabytes.
    private readonly ImmutableArray<WindowBest> _windows;

    private LaggedProfile(CrossCorrelationResult result, ImmutableArray<double> profile)
    {
        Profile = profile;
        var best = Statistics.ArgMaxOfPresent(profile.AsSpan());
        Best = best < 0 ? double.NaN : profile[best];
        BestLagSeconds = best < 0 ? double.NaN : result.Settings.LagSecondsAt(best);
        _windows = [.. result.Windows.Select(w => WindowBest.Of(w, result.Settings))];
    }

    public ImmutableArray<double> Profile { get; }
    public double Best { get; }
    public double BestLagSeconds { get; }

    public IEnumerable<double> WindowBests => _windows.Select(w => w.Value);

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
        .. _windows.Select(w => new MeasureWindow(origin + (w.Start - MediaTime.Zero), origin + (w.End - MediaTime.Zero), w.Value, w.LagSeconds, SurrogateTest.LeaderAt(w.LagSeconds))),
    ];

    /// <summary>A window's highest r and its lag (NaN when the window is missing).</summary>
    private readonly record struct WindowBest(MediaTime Start, MediaTime End, double Value, double LagSeconds)
    {
        public static WindowBest Of(CrossCorrelationWindow window, CrossCorrelationSettings settings)
        {
            var best = Statistics.ArgMaxOfPresent(window.Values.AsSpan());
            return best < 0
                ? new(window.Start, window.End, double.NaN, double.NaN)
                : new(window.Start, window.End, Math.Tanh(window.Values[best]), settings.LagSecondsAt(best));
        }
    }
}
