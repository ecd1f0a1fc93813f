namespace MirrorSense.Bench.Calibration;

/// <summary>
/// How one person leans: how far and how fast their lean wanders, how it drifts over the session, how noisy the
/// tracker reads it, and how often they are lost from view. Values in degrees, towards the partner.
/// </summary>
internal sealed record LeanHabit(double Spread, double WanderSeconds, double DriftSpread, double DriftSeconds, double Jitter, double GapEverySeconds)
{
    /// <summary>From still to restless people, and from steady to shaky tracking.</summary>
    public static LeanHabit Draw(Random random) => new(
        Spread: 2 + 4 * random.NextDouble(),
        WanderSeconds: 1.5 + 3.5 * random.NextDouble(),
        DriftSpread: 1 + 3 * random.NextDouble(),
        DriftSeconds: 40 + 80 * random.NextDouble(),
        Jitter: 0.3 + 0.7 * random.NextDouble(),
        GapEverySeconds: 20 + 100 * random.NextDouble());

    /// <summary>
    /// The person's own lean (no jitter yet), 30 per second: a smooth wander over a drift of its own, both
    /// first-order autoregressive at their own time scales.
    /// </summary>
    public double[] Own(Random random, double seconds)
    {
        var wander = LeanSignal.Smooth(random, (int)(seconds * LeanSignal.Rate), Spread, WanderSeconds);
        var drift = LeanSignal.Smooth(random, wander.Length, DriftSpread, DriftSeconds);
        return [.. wander.Select((w, i) => w + drift[i])];
    }

    /// <summary>What the tracker makes of a lean: jitter added, and the person lost now and then for 0.3–4 s.</summary>
    public double[] Measured(Random random, double[] lean, double seconds)
    {
        var jitter = LeanSignal.Smooth(random, lean.Length, Jitter, 0.2);
        var measured = lean.Select((v, i) => v + jitter[i]).ToArray();
        for (var gap = SmileHabit.Exponential(random, GapEverySeconds); gap < seconds; gap += SmileHabit.Exponential(random, GapEverySeconds))
            SmileSignal.Lose(measured, gap, 0.3 + 3.7 * random.NextDouble());
        return measured;
    }
}

/// <summary>Designed lean signals at the feature grid's 30 per second.</summary>
internal static class LeanSignal
{
    public const double Rate = SmileSignal.Rate;

    /// <summary>First-order autoregressive noise with the given spread and time scale, started in its steady state.</summary>
    public static double[] Smooth(Random random, int length, double spread, double seconds)
    {
        var keep = Math.Exp(-1 / (seconds * Rate));
        var scale = spread * Math.Sqrt(1 - keep * keep);
        var values = new double[length];
        var state = spread * SmileSignal.Gaussian(random);
        for (var i = 0; i < length; i++)
        {
            state = keep * state + scale * SmileSignal.Gaussian(random);
            values[i] = state;
        }

        return values;
    }

    /// <summary><paramref name="lean"/> <paramref name="seconds"/> later, 0 before it starts.</summary>
    public static double[] Delayed(double[] lean, double seconds)
    {
        var by = (int)Math.Round(seconds * Rate);
        return [.. lean.Select((_, i) => i >= by ? lean[i - by] : 0)];
    }

}
