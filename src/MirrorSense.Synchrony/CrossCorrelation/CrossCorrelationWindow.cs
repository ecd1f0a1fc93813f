using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.CrossCorrelation;

/// <summary>
/// One window of the window × lag matrix: the (transformed) correlation at every lag from
/// -LagSamples to +LagSamples, NaN where rMEA gives NA, and rMEA's per-window summaries.
/// <see cref="Start"/> and <see cref="End"/> are the media times of the window proper (without the lag margin),
/// counted from the <c>origin</c> of the series (its first sample).
/// </summary>
public sealed record CrossCorrelationWindow
{
    public CrossCorrelationWindow(int index, CrossCorrelationSettings settings, ImmutableArray<double> values, MediaTime origin = default)
    {
        if (values.Length != settings.LagCount)
            throw new ArgumentException($"A window holds {settings.LagCount} lags, not {values.Length}.", nameof(values));
        Index = index;
        Values = values;
        (Start, End) = settings.WindowTimes(index, origin);
        Summary = WindowSummary.Of(values.AsSpan(), settings);
    }

    /// <summary>0-based window number (rMEA's row <c>w{Index + 1}</c>).</summary>
    public int Index { get; }

    public MediaTime Start { get; }
    public MediaTime End { get; }

    /// <summary>One value per lag, in order from -LagSamples to +LagSamples.</summary>
    public ImmutableArray<double> Values { get; }

    public WindowSummary Summary { get; }

    /// <summary>The whole window is NA (too much missing data in either series).</summary>
    public bool IsMissing => Summary.PresentLags == 0;
}
