namespace MirrorSense.Bench.Calibration;

/// <summary>The exact (Clopper–Pearson) 95 % interval of a binomial proportion: k successes in n trials.</summary>
public readonly record struct BinomialInterval(int Successes, int Trials, double Low, double High)
{
    public double Rate => Trials == 0 ? double.NaN : (double)Successes / Trials;

    public static BinomialInterval Of(int successes, int trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0)
            return new(0, 0, double.NaN, double.NaN);
        var tail = (1 - confidence) / 2;
        // Low: the p at which k or more successes have probability `tail`; high: k or fewer.
        var low = successes == 0 ? 0 : Solve(p => 1 - CumulativeAtMost(successes - 1, trials, p) - tail);
        var high = successes == trials ? 1 : Solve(p => tail - CumulativeAtMost(successes, trials, p));
        return new(successes, trials, low, high);
    }

    /// <summary>P(X ≤ k) for X ~ Binomial(n, p), summed in log space so large n stays exact enough.</summary>
    private static double CumulativeAtMost(int k, int n, double p)
    {
        if (p <= 0)
            return 1;
        if (p >= 1)
            return k >= n ? 1 : 0;
        double sum = 0, logChoose = 0;
        for (var i = 0; i <= k; i++)
        {
            if (i > 0)
                logChoose += Math.Log(n - i + 1) - Math.Log(i);
            sum += Math.Exp(logChoose + i * Math.Log(p) + (n - i) * Math.Log(1 - p));
        }

        return Math.Min(1, sum);
    }

    /// <summary>The root of a function increasing in p on (0, 1), by bisection.</summary>
    private static double Solve(Func<double, double> increasing)
    {
        double low = 0, high = 1;
        for (var i = 0; i < 60; i++)
        {
            var middle = (low + high) / 2;
            if (increasing(middle) < 0)
                low = middle;
            else
                high = middle;
        }

        return (low + high) / 2;
    }

    public override string ToString() => Trials == 0
        ? "n/a"
        : $"{100 * Rate:0.0} % [{100 * Low:0.0}, {100 * High:0.0}]";
}
