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

    public WindowCorrelator(CrossCorrelationSettings settings)
    {
        _settings = settings;
        _a = new SpanStatistics(settings.SpanSamples, settings.WindowSamples);
        _b = new SpanStatistics(settings.SpanSamples, settings.WindowSamples);
    }

    /// <param name="a">A's samples of the window span (window + lag).</param>
    /// <param name="b">B's samples of the window span.</param>
    /// <param name="worstMissing">Missing samples in the span of the series with more of them.</param>
    public double[] Correlate(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int worstMissing)
    {
        var values = new double[_settings.LagCount];
        // rMEA: more than half of either span missing makes the whole window NA.
        if (worstMissing > _settings.SpanSamples / 2.0)
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
        for (var i = 0; i < values.Length; i++)
        {
            var l = i - lag;
            var (x0, y0) = WindowedCrossCorrelation.Offsets(l);
            values[i] = new PairMoments(
                Count: win,
                Differing: Kernels.CountDiffering(a.Slice(x0, win), b.Slice(y0, win), PairMoments.EnoughDiffering),
                SquaresX: _a.CentredSquares(x0),
                SquaresY: _b.CentredSquares(y0),
                Products: l >= 0 ? Kernels.Dot(sharedX, spanB.Slice(y0, win)) : Kernels.Dot(spanA.Slice(x0, win), sharedY)).Correlation();
        }
    }

    /// <summary>Some samples missing: R's <c>use = "complete.obs"</c>, two passes over the complete pairs.</summary>
    private void CorrelateWithGaps(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double[] values)
    {
        var win = _settings.WindowSamples;
        for (var i = 0; i < values.Length; i++)
        {
            var (x0, y0) = WindowedCrossCorrelation.Offsets(i - _settings.LagSamples);
            var x = a.Slice(x0, win);
            var y = b.Slice(y0, win);
            long count = 0, differing = 0;
            double sumX = 0, sumY = 0, firstX = double.NaN, firstY = double.NaN;
            bool constantX = true, constantY = true;
            for (var k = 0; k < win; k++)
            {
                if (double.IsNaN(x[k]) || double.IsNaN(y[k]))
                    continue;
                if (count == 0)
                {
                    firstX = x[k];
                    firstY = y[k];
                }

                constantX &= x[k] == firstX;
                constantY &= y[k] == firstY;
                count++;
                if (x[k] != y[k])
                    differing++;
                sumX += x[k] - firstX;
                sumY += y[k] - firstY;
            }

            if (count < 2 || differing < 2 || constantX || constantY)
            {
                values[i] = double.NaN;
                continue;
            }

            var meanX = firstX + sumX / count;
            var meanY = firstY + sumY / count;
            double squaresX = 0, squaresY = 0, products = 0;
            for (var k = 0; k < win; k++)
            {
                if (double.IsNaN(x[k]) || double.IsNaN(y[k]))
                    continue;
                var dx = x[k] - meanX;
                var dy = y[k] - meanY;
                squaresX += dx * dx;
                squaresY += dy * dy;
                products += dx * dy;
            }

            values[i] = new PairMoments(count, differing, squaresX, squaresY, products).Correlation();
        }
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
