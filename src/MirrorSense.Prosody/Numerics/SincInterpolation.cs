using System.Runtime.CompilerServices;
namespace MirrorSense.Prosody.Numerics;

/// <summary>
/// Band-limited interpolation of a sampled function: a sinc kernel tapered by a raised cosine, the way
/// Praat interpolates autocorrelation peaks (Boersma 1993, eq. 22). Positions are 1-based sample numbers,
/// as in the paper and in Praat, so that parity with Praat's candidate strengths can be checked line by line.
/// </summary>
internal static class SincInterpolation
{
    /// <summary>
    /// The value of <paramref name="y"/> at the fractional 1-based position <paramref name="x"/>, using at most
    /// <paramref name="maxDepth"/> samples on each side. Outside [1, n] the nearest end value is returned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot at frame rate: optimised from the first call, not after tiering
    public static double Interpolate(ReadOnlySpan<double> y, double x, int maxDepth)
    {
        var n = y.Length;
        if (n < 1)
            return double.NaN;
        if (x < 1)
            return y[0];
        if (x > n)
            return y[n - 1];
        var midLeft = (int)Math.Floor(x);
        var midRight = midLeft + 1;
        if (x == midLeft)
            return y[midLeft - 1];

        // Fewer samples are available near the ends; the kernel shrinks symmetrically there.
        maxDepth = Math.Min(maxDepth, Math.Min(midRight - 1, n - midLeft));
        if (maxDepth <= 0)
            return y[(int)Math.Floor(x + 0.5) - 1];
        if (maxDepth == 1)
            return y[midLeft - 1] + (x - midLeft) * (y[midRight - 1] - y[midLeft - 1]);
        if (maxDepth == 2)
        {
            var yl = y[midLeft - 1];
            var yr = y[midRight - 1];
            var dyl = 0.5 * (yr - y[midLeft - 2]);
            var dyr = 0.5 * (y[midRight] - yl);
            var fil = x - midLeft;
            var fir = midRight - x;
            return yl * fir + yr * fil - fil * fir * (0.5 * (dyr - dyl) + (fil - 0.5) * (dyl + dyr - 2 * (yr - yl)));
        }

        var left = midRight - maxDepth;
        var right = midLeft + maxDepth;
        if (maxDepth == Depth30.Depth)
            return Depth30.Interpolate(y, x, midLeft, left);
        if (maxDepth == Depth70.Depth)
            return Depth70.Interpolate(y, x, midLeft, left);
        // A symmetric taper of half-width maxDepth + 0.5 samples (Praat 6.x's choice; it suppresses aliasing best).
        var taperWidth = maxDepth + 0.5;
        var result = 0.0;

        // The taper's cosine advances by a constant angle per sample: rotate it instead of calling Math.Cos per term.
        var stepCos = Math.Cos(Math.PI / taperWidth);
        var stepSin = Math.Sin(Math.PI / taperWidth);

        var phase = Math.PI * (x - midLeft);
        var halfSinPhase = 0.5 * Math.Sin(phase);
        var taperCos = Math.Cos(phase / taperWidth);
        var taperSin = Math.Sin(phase / taperWidth);
        for (var i = midLeft; i >= left; i--)
        {
            result += y[i - 1] * halfSinPhase / phase * (1.0 + taperCos);
            phase += Math.PI;
            halfSinPhase = -halfSinPhase;
            (taperCos, taperSin) = (taperCos * stepCos - taperSin * stepSin, taperCos * stepSin + taperSin * stepCos);
        }

        phase = Math.PI * (midRight - x);
        halfSinPhase = 0.5 * Math.Sin(phase);
        taperCos = Math.Cos(phase / taperWidth);
        taperSin = Math.Sin(phase / taperWidth);
        for (var i = midRight; i <= right; i++)
        {
            result += y[i - 1] * halfSinPhase / phase * (1.0 + taperCos);
            phase += Math.PI;
            halfSinPhase = -halfSinPhase;
            (taperCos, taperSin) = (taperCos * stepCos - taperSin * stepSin, taperCos * stepSin + taperSin * stepCos);
        }
        return result;
    }

    /// <summary>
    /// Refines the maximum of <paramref name="y"/> near the 1-based sample <paramref name="peak"/> by maximising the
    /// sinc interpolation between its neighbours (Brent's method, tolerance 1e-10 samples).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot at frame rate: optimised from the first call, not after tiering
    public static (double Position, double Value) ImproveMaximum(ReadOnlySpan<double> y, int peak, int depth)
    {
        if (peak <= 1)
            return (1, y[0]);
        if (peak >= y.Length)
            return (y.Length, y[^1]);
        var objective = new NegatedInterpolant(y, depth);
        var position = BrentMinimizer.Minimize(ref objective, peak - 1, peak + 1, 1e-10, out var minimum);
        return (position, -minimum);
    }

    // The two depths pitch analysis uses (first estimates, refinement) get precomputed, vectorised kernels.
    private static readonly SincKernel Depth30 = new(30);
    private static readonly SincKernel Depth70 = new(70);

    private readonly ref struct NegatedInterpolant(ReadOnlySpan<double> y, int depth) : IScalarFunction
    {
        private readonly ReadOnlySpan<double> _y = y;

        public double Evaluate(double x) => -Interpolate(_y, x, depth);
    }
}
