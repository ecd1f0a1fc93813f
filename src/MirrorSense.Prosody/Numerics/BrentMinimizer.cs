using System.Runtime.CompilerServices;
namespace MirrorSense.Prosody.Numerics;

/// <summary>A function of one real variable; a struct implementation keeps the minimiser free of allocations.</summary>
internal interface IScalarFunction
{
    double Evaluate(double x);
}

/// <summary>
/// Brent's one-dimensional minimisation (golden section with parabolic steps), in the formulation of the netlib
/// routine fminbr that Praat also uses, so that refined pitch peaks land where Praat's do.
/// </summary>
internal static class BrentMinimizer
{
    private const int MaximumIterations = 60;
    private static readonly double GoldenStep = (3.0 - Math.Sqrt(5.0)) / 2.0;
    // Square root of the unit round-off (2^-53), as LAPACK's dlamch('E') reports it.
    private static readonly double SqrtEpsilon = Math.Sqrt(Math.Pow(2, -53));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot at frame rate: optimised from the first call, not after tiering
    public static double Minimize<TFunction>(ref TFunction f, double a, double b, double tolerance, out double minimum)
        where TFunction : IScalarFunction, allows ref struct
    {
        if (!(tolerance > 0) || !(a < b))
            throw new ArgumentException($"Brent minimisation needs a positive tolerance and a < b (got tol={tolerance}, a={a}, b={b}).");

        var v = a + GoldenStep * (b - a);
        var fv = f.Evaluate(v);
        var x = v;
        var w = v;
        var fx = fv;
        var fw = fv;

        for (var iteration = 1; iteration <= MaximumIterations; iteration++)
        {
            var range = b - a;
            var middle = (a + b) / 2.0;
            var tolAct = SqrtEpsilon * Math.Abs(x) + tolerance / 3.0;
            if (Math.Abs(x - middle) + range / 2.0 <= 2.0 * tolAct)
                break;

            var step = GoldenStep * (x < middle ? b - x : a - x);
            if (Math.Abs(x - w) >= tolAct)
            {
                // Parabola through (x, fx), (w, fw), (v, fv); the division p/q is delayed until the step is accepted.
                var t = (x - w) * (fx - fv);
                var q = (x - v) * (fx - fw);
                var p = (x - v) * q - (x - w) * t;
                q = 2.0 * (q - t);
                if (q > 0.0)
                    p = -p;
                else
                    q = -q;
                if (Math.Abs(p) < Math.Abs(step * q) && p > q * (a - x + 2.0 * tolAct) && p < q * (b - x - 2.0 * tolAct))
                    step = p / q;
            }
            if (Math.Abs(step) < tolAct)
                step = step > 0.0 ? tolAct : -tolAct;

            var u = x + step;
            var fu = f.Evaluate(u);
            if (fu <= fx)
            {
                if (u < x)
                    b = x;
                else
                    a = x;
                v = w; w = x; x = u;
                fv = fw; fw = fx; fx = fu;
            }
            else
            {
                if (u < x)
                    a = u;
                else
                    b = u;
                if (fu <= fw || w == x)
                {
                    v = w; w = u;
                    fv = fw; fw = fu;
                }
                else if (fu <= fv || v == x || v == w)
                {
                    v = u;
                    fv = fu;
                }
            }
        }
        minimum = fx;
        return x;
    }
}
