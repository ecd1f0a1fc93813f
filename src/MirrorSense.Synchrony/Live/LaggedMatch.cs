namespace MirrorSense.Synchrony.Live;

/// <summary>The best match of two multi-component windows over lags: similarity (r), lag in samples (positive: B follows A), coverage.</summary>
/// <param name="Similarity">Fisher-z mean over components at the best lag, back to r; NaN when no component had data.</param>
/// <param name="Coverage">Share of the window's samples where both had a value, over the components used.</param>
public readonly record struct LaggedMatch(double Similarity, int LagSamples, double Coverage)
{
    public static LaggedMatch None { get; } = new(double.NaN, 0, 0);

    /// <summary>
    /// Pearson r of A(t) with B(t + lag) for every lag in ±<paramref name="maxLag"/>, over the overlap of the window,
    /// per component; components combine as a Fisher-z mean weighted by how strongly each matches at its own best
    /// lag (a joint that only jitters would otherwise flatten what the moving body agrees on). The surrogates go
    /// through the same function, so that choice is part of the baseline. Missing samples (NaN) are skipped.
    /// </summary>
    /// <param name="a">A's components, each the same length (the window).</param>
    /// <param name="b">B's components, already mirrored if that is what is asked, same shape as <paramref name="a"/>.</param>
    /// <param name="minimumPairs">Fewest sample pairs a lag needs for its r to count.</param>
    /// <param name="minimumLag">Lags shorter than this many samples are not searched (the coincidence band of frame-wide events).</param>
    public static LaggedMatch Find(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, int maxLag, int minimumPairs, int minimumLag = 0)
    {
        var (z, coverage) = Correlations(a, b, maxLag, minimumPairs, minimumLag);
        return Best(z, coverage, maxLag, sign: 1);
    }

    /// <summary>
    /// <see cref="Find"/> for B and for B upside down (every component negated) at the cost of one: r with −B is −r
    /// with B at every lag, so only the combination over components is done twice.
    /// </summary>
    public static (LaggedMatch AsIs, LaggedMatch Negated) FindWithNegated(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, int maxLag, int minimumPairs)
    {
        var (z, coverage) = Correlations(a, b, maxLag, minimumPairs, minimumLag: 0);
        return (Best(z, coverage, maxLag, sign: 1), Best(z, coverage, maxLag, sign: -1));
    }

    /// <summary>Fisher z of every component at every lag (NaN where a lag has too few pairs or is not searched), and the coverage.</summary>
    private static (double[,] Z, double Coverage) Correlations(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, int maxLag, int minimumPairs, int minimumLag)
    {
        if (a.Count != b.Count || a.Count == 0)
            throw new ArgumentException("A and B need the same, non-zero number of components.");
        var lags = 2 * maxLag + 1;
        var z = new double[a.Count, lags];
        double covered = 0;
        for (var k = 0; k < a.Count; k++)
        {
            covered += ShareBothPresent(a[k], b[k]);
            for (var l = 0; l < lags; l++)
            {
                var r = Math.Abs(l - maxLag) < minimumLag ? double.NaN : Correlation(a[k], b[k], l - maxLag, minimumPairs);
                z[k, l] = double.IsNaN(r) ? double.NaN : Math.Atanh(Math.Clamp(r, -0.999999, 0.999999));
            }
        }

        return (z, covered / a.Count);
    }

    /// <summary>The best lag of the components' weighted Fisher-z mean, with every z taken times <paramref name="sign"/>.</summary>
    private static LaggedMatch Best(double[,] z, double coverage, int maxLag, int sign)
    {
        var (components, lags) = (z.GetLength(0), z.GetLength(1));
        var weights = new double[components];
        for (var k = 0; k < components; k++)
        {
            var best = double.NegativeInfinity;
            for (var l = 0; l < lags; l++)
                if (sign * z[k, l] > best)
                    best = sign * z[k, l];
            weights[k] = double.IsFinite(best) ? Math.Max(0, best) : 0;
        }

        var anyWeight = weights.Any(w => w > 0);
        var bestLag = -1;
        var bestValue = double.NegativeInfinity;
        for (var l = 0; l < lags; l++)
        {
            double sum = 0, weight = 0;
            for (var k = 0; k < components; k++)
            {
                if (double.IsNaN(z[k, l]))
                    continue;
                var w = anyWeight ? weights[k] : 1;
                sum += w * sign * z[k, l];
                weight += w;
            }

            if (weight <= 0)
                continue;
            var value = sum / weight;
            // Ties go to the smaller lag: no one is said to lead without evidence.
            if (value > bestValue || (value == bestValue && Math.Abs(l - maxLag) < Math.Abs(bestLag - maxLag)))
            {
                bestValue = value;
                bestLag = l;
            }
        }

        return bestLag < 0 ? None with { Coverage = coverage } : new LaggedMatch(Math.Tanh(bestValue), bestLag - maxLag, coverage);
    }

    /// <summary>Share of samples where both series have a value.</summary>
    public static double ShareBothPresent(double[] a, double[] b)
    {
        var both = 0;
        for (var t = 0; t < a.Length; t++)
            if (!double.IsNaN(a[t]) && !double.IsNaN(b[t]))
                both++;
        return a.Length == 0 ? 0 : (double)both / a.Length;
    }

    /// <summary>r of a[t] with b[t + lag] over the pairs where both exist; NaN with too few pairs or no variance.</summary>
    private static double Correlation(double[] a, double[] b, int lag, int minimumPairs)
    {
        var from = Math.Max(0, -lag);
        var to = Math.Min(a.Length, b.Length - lag);
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (var t = from; t < to; t++)
        {
            var x = a[t];
            var y = b[t + lag];
            if (double.IsNaN(x) || double.IsNaN(y))
                continue;
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }

        if (n < minimumPairs)
            return double.NaN;
        var vx = sxx - sx * sx / n;
        var vy = syy - sy * sy / n;
        // Relative floors: a still joint's rounding noise is not a correlation.
        if (vx <= 1e-12 * Math.Max(1, sxx) || vy <= 1e-12 * Math.Max(1, syy))
            return double.NaN;
        return (sxy - sx * sy / n) / Math.Sqrt(vx * vy);
    }
}
