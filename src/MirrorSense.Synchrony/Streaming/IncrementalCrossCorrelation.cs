using System.Collections.Immutable;
using System.Runtime.InteropServices;
using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;

namespace MirrorSense.Synchrony.Streaming;

/// <summary>
/// rMEA's windowed lagged cross-correlation computed as sample pairs arrive: each pair is added to one
/// running block per lag (O(number of lags), independent of the window length), and a window is
/// returned as soon as its last sample is in, equal to <see cref="WindowedCrossCorrelation"/>'s.
/// </summary>
/// <remarks>
/// The pair at lag L for "key" k is (A[k], B[k + L]) for L ≥ 0 and (A[k + |L|], B[k]) for L &lt; 0;
/// window w uses keys [w·inc, w·inc + win) at every lag. Keys are grouped into blocks of
/// gcd(inc, win) samples so that every window is a whole number of blocks.
/// </remarks>
public sealed class IncrementalCrossCorrelation
{
    private readonly CrossCorrelationSettings _settings;
    private readonly int _blockSize;
    private readonly int _blocksPerWindow;
    private readonly double[] _historyA;
    private readonly double[] _historyB;
    private readonly BlockMoments[] _openBlocks;
    private readonly SlidingMoments[] _windows;
    private readonly Dictionary<int, PairMoments[]> _pendingRows = [];
    private readonly Queue<(long MissingA, long MissingB)> _missingAtWindowStart = new();
    private long _next;
    private long _missingA;
    private long _missingB;

    private readonly MediaTime _origin;

    /// <param name="settings">Window, lag and increment.</param>
    /// <param name="origin">Media time of the first sample pair; window times count from it.</param>
    public IncrementalCrossCorrelation(CrossCorrelationSettings settings, MediaTime origin = default)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _origin = origin;
        _blockSize = GreatestCommonDivisor(settings.IncrementSamples, settings.WindowSamples);
        _blocksPerWindow = settings.WindowSamples / _blockSize;
        var capacity = (settings.WindowSamples + settings.IncrementSamples) / _blockSize + 1;
        _historyA = new double[settings.LagSamples + 1];
        _historyB = new double[settings.LagSamples + 1];
        _openBlocks = new BlockMoments[settings.LagCount];
        _windows = new SlidingMoments[settings.LagCount];
        for (var j = 0; j < _windows.Length; j++)
            _windows[j] = new SlidingMoments(capacity);
    }

    public CrossCorrelationSettings Settings => _settings;

    /// <summary>Samples taken so far.</summary>
    public long SampleCount => _next;

    /// <summary>Adds the next sample pair on the grid (NaN = missing); returns the window it completes, if any.</summary>
    public CrossCorrelationWindow? Add(double a, double b)
    {
        var t = _next++;
        var lag = _settings.LagSamples;
        if (t % _settings.IncrementSamples == 0)
            _missingAtWindowStart.Enqueue((_missingA, _missingB));
        if (double.IsNaN(a))
            _missingA++;
        if (double.IsNaN(b))
            _missingB++;
        _historyA[t % _historyA.Length] = a;
        _historyB[t % _historyB.Length] = b;

        for (var l = 0; l <= lag && l <= t; l++)
        {
            var key = t - l;
            // L = +l: A at the key, B l samples later; L = -l: B at the key, A l samples later.
            AddPair(lag + l, key, _historyA[key % _historyA.Length], b);
            if (l > 0)
                AddPair(lag - l, key, a, _historyB[key % _historyB.Length]);
        }

        return t + 1 >= _settings.SpanSamples && (t + 1 - _settings.SpanSamples) % _settings.IncrementSamples == 0
            ? CompleteWindow((int)((t + 1 - _settings.SpanSamples) / _settings.IncrementSamples))
            : null;
    }

    private void AddPair(int lagIndex, long key, double x, double y)
    {
        _openBlocks[lagIndex].Add(x, y);
        if ((key + 1) % _blockSize != 0)
            return;
        var window = _windows[lagIndex];
        window.Push(_openBlocks[lagIndex]);
        _openBlocks[lagIndex] = default;

        // The block that ends at key w·inc + win closes window w's range for this lag.
        var firstKey = key + 1 - _settings.WindowSamples;
        if (firstKey < 0 || firstKey % _settings.IncrementSamples != 0)
            return;
        while (window.Count > _blocksPerWindow)
            window.PopOldest();
        var w = (int)(firstKey / _settings.IncrementSamples);
        if (!_pendingRows.TryGetValue(w, out var row))
            _pendingRows[w] = row = new PairMoments[_settings.LagCount];
        row[lagIndex] = window.Aggregate().ToPairMoments();
    }

    private CrossCorrelationWindow CompleteWindow(int w)
    {
        _pendingRows.Remove(w, out var row);
        var (missingABefore, missingBBefore) = _missingAtWindowStart.Dequeue();
        var worstMissing = Math.Max(_missingA - missingABefore, _missingB - missingBBefore);
        var values = new double[_settings.LagCount];
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = worstMissing > _settings.SpanSamples / 2.0
                ? double.NaN
                : CorrelationTransform.Apply(row![j].Correlation(), _settings);
        }

        return new CrossCorrelationWindow(w, _settings, ImmutableCollectionsMarshal.AsImmutableArray(values), _origin);
    }

    private static int GreatestCommonDivisor(int a, int b) => b == 0 ? a : GreatestCommonDivisor(b, a % b);
}
