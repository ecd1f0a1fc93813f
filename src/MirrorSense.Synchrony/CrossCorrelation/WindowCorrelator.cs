using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MirrorSense.Synchrony.CrossCorrelation;

/// <summary>
/// Computes one window's row of the matrix. Holds scratch space reused from window to window, so one
/// instance serves one thread.
/// </summary>
internal sealed class WindowCorrelator
{
    private readonly CrossCorrelationSettings _settings;
    private readonly SpanStatistics _a;
    private readonly SpanStatistics _b;
    private readonly double[] _shifted;
    private readonly double[] _products;

    public WindowCorrelator(CrossCorrelationSettings settings)
    {
        _settings = settings;
        _a = new SpanStatistics(settings.SpanSamples, settings.WindowSamples);
        _b = new SpanStatistics(settings.SpanSamples, settings.WindowSamples);
        _shifted = new double[settings.SpanSamples + 2 * Vector<double>.Count - 1];
        _products = new double[settings.LagCount];
    }

    /// <param name="a">A's samples of the window span (window + lag).</param>
    /// <param name="b">B's samples of the window span.</param>
    /// <param name="worstMissing">Missing samples in the span of the series with more of them.</param>
    public double[] Correlate(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int worstMissing)
    {
        var values = new double[_settings.LagCount];
        // rMEA: more than half of either span missing makes the whole window NA. So does a series that holds one value
        // over the whole span (arms never crossed, a hand never raised): one side of every lag is constant, and the
        // lags need not be gone through to find that out.
        if (worstMissing > _settings.SpanSamples / 2.0 || IsConstant(a) || IsConstant(b))
        {
            Array.Fill(values, double.NaN);
            return values;
        }

        if (worstMissing == 0)
            CorrelateComplete(a, b, values);
        else
            CorrelateWithGaps(a, b, values);
        for (var i = 0; i < values.Length; i++)
            values[i] = CorrelationTransform.Apply(values[i], _settings);
        return values;
    }

    /// <summary>Whether the present samples all have one value (or there are none); real movement differs within a few samples.</summary>
    private static bool IsConstant(ReadOnlySpan<double> span)
    {
        var first = double.NaN;
        foreach (var value in span)
        {
            if (double.IsNaN(value))
                continue;
            if (double.IsNaN(first))
                first = value;
            else if (value != first)
                return false;
        }

        return true;
    }

    /// <summary>
    /// No missing sample. For L ≥ 0 every lag shares x = A[0, win), for L &lt; 0 every lag shares
    /// y = B[0, win); centring that shared side once turns each lag's cross term into a single dot
    /// product with the other side (centred on its span mean, which keeps the rounding of Σ(x − x̄)
    /// from being magnified).
    /// </summary>
    private void CorrelateComplete(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double[] values)
    {
        var win = _settings.WindowSamples;
        var lag = _settings.LagSamples;
        _a.Load(a);
        _b.Load(b);
        var sharedX = _a.CentredFirstWindow();
        var sharedY = _b.CentredFirstWindow();
        var spanA = _a.CentredSpan();
        var spanB = _b.CentredSpan();
        Span<double> dots = stackalloc double[Kernels.ShiftsAtOnce];
        for (var shift = 0; shift <= lag; shift += dots.Length)
        {
            var group = dots[..Math.Min(dots.Length, lag + 1 - shift)];
            Kernels.ShiftedDots(sharedX, spanB, shift, group);
            group.CopyTo(_products.AsSpan(lag + shift));
        }

        for (var shift = 1; shift <= lag; shift += dots.Length)
        {
            var group = dots[..Math.Min(dots.Length, lag + 1 - shift)];
            Kernels.ShiftedDots(sharedY, spanA, shift, group);
            for (var j = 0; j < group.Length; j++)
                _products[lag - shift - j] = group[j];
        }

        for (var i = 0; i < values.Length; i++)
        {
            var (x0, y0) = WindowedCrossCorrelation.Offsets(i - lag);
            values[i] = new PairMoments(
                Count: win,
                Differing: Kernels.CountDiffering(a.Slice(x0, win), b.Slice(y0, win), PairMoments.EnoughDiffering),
                SquaresX: _a.CentredSquares(x0),
                SquaresY: _b.CentredSquares(y0),
                Products: _products[i]).Correlation();
        }
    }

    /// <summary>
    /// Some samples missing: R's <c>use = "complete.obs"</c>, two passes over the complete pairs. Lags 0..lag pair
    /// A's first window with B shifted by the lag, lags -1..-lag B's first window with A shifted, so neighbouring lags
    /// are neighbouring vector lanes of one load of the shifted series. Each lane still adds its own pairs one at a time
    /// in sample order, as a loop over that lag alone would, so the values are the same whatever the lane width.
    /// </summary>
    private void CorrelateWithGaps(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double[] values)
    {
        var win = _settings.WindowSamples;
        var lag = _settings.LagSamples;
        Span<double> correlations = stackalloc double[2 * Vector<double>.Count];
        LoadShifted(b);
        for (var shift = 0; shift <= lag; shift += correlations.Length)
        {
            CorrelateShifts(a[..win], _shifted, shift, heldIsX: true, correlations);
            for (var j = 0; j < correlations.Length && shift + j <= lag; j++)
                values[lag + shift + j] = correlations[j];
        }

        LoadShifted(a);
        for (var shift = 1; shift <= lag; shift += correlations.Length)
        {
            CorrelateShifts(b[..win], _shifted, shift, heldIsX: false, correlations);
            for (var j = 0; j < correlations.Length && shift + j <= lag; j++)
                values[lag - shift - j] = correlations[j];
        }
    }

    /// <summary>
    /// The span padded with missing samples, so that the last lanes of a load may run past the largest lag; what they
    /// compute is thrown away.
    /// </summary>
    private void LoadShifted(ReadOnlySpan<double> span)
    {
        span.CopyTo(_shifted);
        _shifted.AsSpan(span.Length).Fill(double.NaN);
    }

    /// <summary>
    /// The correlations of <paramref name="held"/> with <paramref name="shifted"/> starting at <paramref name="shift"/>,
    /// <paramref name="shift"/> + 1, … (one per lane), or NaN where rMEA gives NA.
    /// </summary>
    private static void CorrelateShifts(ReadOnlySpan<double> held, ReadOnlySpan<double> shifted, int shift, bool heldIsX, Span<double> correlations)
    {
        var win = held.Length;
        // The one bounds check for the unchecked loads below.
        ArgumentOutOfRangeException.ThrowIfLessThan(shifted.Length, shift + correlations.Length - 1 + win, nameof(shifted));
        Span<double> firstHeld = stackalloc double[correlations.Length];
        Span<double> firstShifted = stackalloc double[correlations.Length];
        Span<bool> varies = stackalloc bool[correlations.Length];
        for (var j = 0; j < correlations.Length; j++)
        {
            var lane = shifted.Slice(shift + j, win);
            var first = FirstComplete(held, lane);
            (firstHeld[j], firstShifted[j]) = first < win ? (held[first], lane[first]) : (0, 0);
            varies[j] = Varies(held, lane, first);
        }

        correlations.Fill(double.NaN);
        if (!varies.Contains(true))
            return;

        // Two vectors of lanes side by side: twice the independent running sums keep the adders busy while each sum waits
        // on its own last addition. Sums are relative to each lane's first complete pair. A lane without a pair at k has
        // its term masked to +0, which leaves its sum as it is: none of these sums is ever −0.
        ref var origin = ref MemoryMarshal.GetReference(shifted);
        var (originHeldLow, originHeldHigh) = Halves(firstHeld);
        var (originShiftedLow, originShiftedHigh) = Halves(firstShifted);
        Vector<long> countLow = default, countHigh = default;
        Vector<double> sumHeldLow = default, sumHeldHigh = default, sumShiftedLow = default, sumShiftedHigh = default;
        for (var k = 0; k < win; k++)
        {
            if (double.IsNaN(held[k]))
                continue;
            var (shiftedLow, shiftedHigh, completeLow, completeHigh) = ShiftedAt(ref origin, shift + k);
            var heldSample = new Vector<double>(held[k]);
            countLow -= Vector.AsVectorInt64(completeLow);
            countHigh -= Vector.AsVectorInt64(completeHigh);
            sumHeldLow += (heldSample - originHeldLow) & completeLow;
            sumHeldHigh += (heldSample - originHeldHigh) & completeHigh;
            sumShiftedLow += (shiftedLow - originShiftedLow) & completeLow;
            sumShiftedHigh += (shiftedHigh - originShiftedHigh) & completeHigh;
        }

        // Each lane's mean as the scalar first + sum / count, a lane without pairs getting NaN that no pair ever reads.
        var (pairsLow, pairsHigh) = (Vector.ConvertToDouble(countLow), Vector.ConvertToDouble(countHigh));
        var (centreHeldLow, centreHeldHigh) = (originHeldLow + sumHeldLow / pairsLow, originHeldHigh + sumHeldHigh / pairsHigh);
        var (centreShiftedLow, centreShiftedHigh) = (originShiftedLow + sumShiftedLow / pairsLow, originShiftedHigh + sumShiftedHigh / pairsHigh);
        Vector<double> squaresHeldLow = default, squaresHeldHigh = default, squaresShiftedLow = default, squaresShiftedHigh = default;
        Vector<double> productsLow = default, productsHigh = default;
        for (var k = 0; k < win; k++)
        {
            if (double.IsNaN(held[k]))
                continue;
            var (shiftedLow, shiftedHigh, completeLow, completeHigh) = ShiftedAt(ref origin, shift + k);
            var fromHeldLow = (new Vector<double>(held[k]) - centreHeldLow) & completeLow;
            var fromHeldHigh = (new Vector<double>(held[k]) - centreHeldHigh) & completeHigh;
            var fromShiftedLow = (shiftedLow - centreShiftedLow) & completeLow;
            var fromShiftedHigh = (shiftedHigh - centreShiftedHigh) & completeHigh;
            squaresHeldLow += fromHeldLow * fromHeldLow;
            squaresHeldHigh += fromHeldHigh * fromHeldHigh;
            squaresShiftedLow += fromShiftedLow * fromShiftedLow;
            squaresShiftedHigh += fromShiftedHigh * fromShiftedHigh;
            productsLow += fromHeldLow * fromShiftedLow;
            productsHigh += fromHeldHigh * fromShiftedHigh;
        }

        Span<long> count = stackalloc long[correlations.Length];
        Span<double> squaresHeld = stackalloc double[correlations.Length];
        Span<double> squaresShifted = stackalloc double[correlations.Length];
        Span<double> products = stackalloc double[correlations.Length];
        Join(countLow, countHigh, count);
        Join(squaresHeldLow, squaresHeldHigh, squaresHeld);
        Join(squaresShiftedLow, squaresShiftedHigh, squaresShifted);
        Join(productsLow, productsHigh, products);
        for (var j = 0; j < correlations.Length; j++)
        {
            if (!varies[j])
                continue;
            correlations[j] = new PairMoments(count[j], PairMoments.EnoughDiffering,
                heldIsX ? squaresHeld[j] : squaresShifted[j],
                heldIsX ? squaresShifted[j] : squaresHeld[j],
                products[j]).Correlation();
        }
    }

    /// <summary>
    /// The shifted samples of both vectors of lanes at one position, and masks of the lanes whose sample is present (all
    /// bits set: a complete pair, since the held sample is).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector<double> Low, Vector<double> High, Vector<double> CompleteLow, Vector<double> CompleteHigh) ShiftedAt(ref double origin, int at)
    {
        var low = Vector.LoadUnsafe(ref origin, (nuint)at);
        var high = Vector.LoadUnsafe(ref origin, (nuint)(at + Vector<double>.Count));
        return (low, high, Vector.AsVectorDouble(Vector.Equals(low, low)), Vector.AsVectorDouble(Vector.Equals(high, high)));
    }

    /// <summary>Lanes as the two vectors that hold them.</summary>
    private static (Vector<double> Low, Vector<double> High) Halves(ReadOnlySpan<double> lanes) =>
        (new Vector<double>(lanes), new Vector<double>(lanes[Vector<double>.Count..]));

    /// <summary>Two vectors back into the lanes they hold.</summary>
    private static void Join<T>(Vector<T> low, Vector<T> high, Span<T> lanes)
        where T : struct
    {
        low.CopyTo(lanes);
        high.CopyTo(lanes[Vector<T>.Count..]);
    }

    /// <summary>Index of the first pair with both samples present; the length when there is none.</summary>
    private static int FirstComplete(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var k = 0;
        while (k < x.Length && (double.IsNaN(x[k]) || double.IsNaN(y[k])))
            k++;
        return k;
    }

    /// <summary>
    /// Whether the complete pairs from the <paramref name="first"/> one on have what rMEA's correlation needs besides their
    /// sums: <see cref="PairMoments.EnoughDiffering"/> pairs with x != y and neither side constant. Real series show it
    /// within their first few pairs, so this rarely reads far.
    /// </summary>
    private static bool Varies(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int first)
    {
        var differing = 0;
        bool xChanges = false, yChanges = false;
        for (var k = first; k < x.Length; k++)
        {
            if (double.IsNaN(x[k]) || double.IsNaN(y[k]))
                continue;
            xChanges |= x[k] != x[first];
            yChanges |= y[k] != y[first];
            if (x[k] != y[k])
                differing++;
            if (differing >= PairMoments.EnoughDiffering && xChanges && yChanges)
                return true;
        }

        return false;
    }

    /// <summary>
    /// Per-window facts about one series' span, all relative to the span's mean c: prefix sums of
    /// (x − c) and (x − c)² give any range's mean and centred sum of squares in O(1)
    /// (Σ(x − m)² = Σ(x − c)² − n(m − c)², which loses nothing to cancellation because c is close
    /// to every window mean), and prefix counts of value changes say exactly when a range is constant.
    /// </summary>
    private sealed class SpanStatistics(int span, int window)
    {
        private readonly double[] _prefix = new double[span + 1];
        private readonly double[] _prefixSquares = new double[span + 1];
        private readonly int[] _changes = new int[span + 1];
        private readonly double[] _centredSpan = new double[span];
        private readonly double[] _sharedWindow = new double[window];
        private double _spanMean;

        public void Load(ReadOnlySpan<double> samples)
        {
            var origin = samples[0];
            var sum = 0.0;
            for (var i = 0; i < samples.Length; i++)
                sum += samples[i] - origin;
            _spanMean = origin + sum / span;
            for (var i = 0; i < samples.Length; i++)
            {
                var centred = samples[i] - _spanMean;
                _centredSpan[i] = centred;
                _prefix[i + 1] = _prefix[i] + centred;
                _prefixSquares[i + 1] = _prefixSquares[i] + centred * centred;
                _changes[i + 1] = _changes[i] + (i > 0 && samples[i] != samples[i - 1] ? 1 : 0);
            }
        }

        /// <summary>The window at the start of the span minus its own mean; valid until the next <see cref="Load"/>.</summary>
        public ReadOnlySpan<double> CentredFirstWindow()
        {
            var offset = (_prefix[window] - _prefix[0]) / window;
            for (var i = 0; i < window; i++)
                _sharedWindow[i] = _centredSpan[i] - offset;
            return _sharedWindow;
        }

        /// <summary>The whole span minus the span's mean.</summary>
        public ReadOnlySpan<double> CentredSpan() => _centredSpan;

        public double CentredSquares(int start)
        {
            if (_changes[start + window] - _changes[start + 1] == 0)
                return 0;
            var sum = _prefix[start + window] - _prefix[start];
            var squares = _prefixSquares[start + window] - _prefixSquares[start];
            return Math.Max(0, squares - sum * sum / window);
        }
    }
}
