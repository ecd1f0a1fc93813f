using System.Collections.Immutable;
using System.Runtime.InteropServices;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.CrossCorrelation;

/// <summary>
/// Batch windowed lagged cross-correlation with rMEA 1.3.0's <c>MEAccf</c> semantics
/// (MEASURES.md §1): window w reads samples [w·inc, w·inc + win + lag) of both series; at lag L ≥ 0
/// x is A's first <c>win</c> samples and y is B's samples from L, at L &lt; 0 the roles swap, so a high
/// value at positive lag means B follows A. Correlations are two-pass (centred), as R computes them.
/// </summary>
public static class WindowedCrossCorrelation
{
    public static CrossCorrelationResult Compute(DyadSeries dyad, CrossCorrelationSettings settings)
    {
        var windowCount = CheckedWindowCount(dyad, settings);
        var rows = new double[windowCount][];
        var missingA = MissingPrefixCounts(dyad.A.AsSpan());
        var missingB = MissingPrefixCounts(dyad.B.AsSpan());
        // Windows are independent; each worker reuses one scratch space for its windows.
        Parallel.For(0, windowCount,
            () => new WindowCorrelator(settings),
            (w, _, correlator) =>
            {
                rows[w] = Row(dyad, settings, w, missingA, missingB, correlator);
                return correlator;
            },
            _ => { });

        var windows = ImmutableArray.CreateBuilder<CrossCorrelationWindow>(windowCount);
        for (var w = 0; w < windowCount; w++)
            windows.Add(new CrossCorrelationWindow(w, settings, ImmutableCollectionsMarshal.AsImmutableArray(rows[w])));
        return new CrossCorrelationResult(dyad.Name, settings, windows.MoveToImmutable());
    }

    /// <summary>
    /// The rows of <see cref="Compute"/>'s matrix, one window after another on the calling thread and without the
    /// summaries: for measures that run many matrices side by side (one per surrogate), where splitting each one over
    /// threads as well only adds hand-offs.
    /// </summary>
    internal static double[][] Rows(DyadSeries dyad, CrossCorrelationSettings settings, WindowCorrelator correlator)
    {
        var rows = new double[CheckedWindowCount(dyad, settings)][];
        var missingA = MissingPrefixCounts(dyad.A.AsSpan());
        var missingB = MissingPrefixCounts(dyad.B.AsSpan());
        for (var w = 0; w < rows.Length; w++)
            rows[w] = Row(dyad, settings, w, missingA, missingB, correlator);
        return rows;
    }

    private static int CheckedWindowCount(DyadSeries dyad, CrossCorrelationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(dyad);
        ArgumentNullException.ThrowIfNull(settings);
        EnsureSameRate(dyad, settings);
        var windowCount = settings.WindowCount(dyad.Length);
        if (windowCount <= 0)
            throw new InsufficientDataException(dyad.Name, dyad.Length, settings);
        return windowCount;
    }

    private static double[] Row(DyadSeries dyad, CrossCorrelationSettings settings, int window, int[] missingA, int[] missingB, WindowCorrelator correlator)
    {
        var start = window * settings.IncrementSamples;
        var end = start + settings.SpanSamples;
        var worstMissing = Math.Max(missingA[end] - missingA[start], missingB[end] - missingB[start]);
        return correlator.Correlate(dyad.A.AsSpan(start, settings.SpanSamples), dyad.B.AsSpan(start, settings.SpanSamples), worstMissing);
    }

    internal static void EnsureSameRate(DyadSeries dyad, CrossCorrelationSettings settings)
    {
        if (dyad.SampleRate != settings.SampleRate)
            throw new ArgumentException($"Dyad '{dyad.Name}' is sampled at {dyad.SampleRate} Hz but the settings are for {settings.SampleRate} Hz.");
    }

    /// <summary>Where x (from A) and y (from B) start inside the window span for a lag in samples.</summary>
    internal static (int X, int Y) Offsets(int lag) => lag >= 0 ? (0, lag) : (-lag, 0);

    private static int[] MissingPrefixCounts(ReadOnlySpan<double> series)
    {
        var counts = new int[series.Length + 1];
        for (var i = 0; i < series.Length; i++)
            counts[i + 1] = counts[i] + (double.IsNaN(series[i]) ? 1 : 0);
        return counts;
    }
}
