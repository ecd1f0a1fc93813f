namespace MirrorSense.Prosody;

/// <summary>
/// The Kaiser–Bessel window Praat's intensity analysis uses: I₀((2π² + ½)·√(1 − x²)) over x ∈ [−1, 1]. It is not
/// normalised; the intensity divides by the sum of the weights.
/// </summary>
internal static class KaiserWindow
{
    public static double[] Create(int halfWidthSamples, double samplePeriod, double halfWidthSeconds)
    {
        var window = new double[2 * halfWidthSamples + 1];
        var beta = 2.0 * Math.PI * Math.PI + 0.5;
        for (var i = 0; i < window.Length; i++)
        {
            var x = (i - halfWidthSamples) * samplePeriod / halfWidthSeconds;
            window[i] = BesselI0(beta * Math.Sqrt(Math.Max(0.0, 1.0 - x * x)));
        }
        return window;
    }

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series (converges for all x).</summary>
    internal static double BesselI0(double x)
    {
        var quarterSquare = 0.25 * x * x;
        var term = 1.0;
        var sum = 1.0;
        for (var k = 1; k < 500; k++)
        {
            term *= quarterSquare / ((double)k * k);
            sum += term;
            if (term < sum * 1e-17)
                break;
        }
        return sum;
    }
}
