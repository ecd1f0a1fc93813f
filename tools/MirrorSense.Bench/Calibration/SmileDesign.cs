namespace MirrorSense.Bench.Calibration;

/// <summary>One designed smile: when it starts, how long it holds, how broad it is (1: a broad smile) and how fast it rises.</summary>
internal sealed record DesignedSmile(double Start, double HoldSeconds, double Height, double RiseSeconds);

/// <summary>How one person smiles: how often, how long, how broad, and how noisy their face mesh reads.</summary>
internal sealed record SmileHabit(double PerMinute, double MeanHoldSeconds, double LowHeight, double HighHeight, double Jitter, double GapEverySeconds)
{
    /// <summary>A person drawn from ranges wide enough to span reserved and cheerful people and steady and shaky tracking.</summary>
    public static SmileHabit Draw(Random random) => new(
        PerMinute: 1 + 7 * random.NextDouble(),
        MeanHoldSeconds: 1 + 3 * random.NextDouble(),
        LowHeight: 0.3 + 0.2 * random.NextDouble(),
        HighHeight: 0.6 + 0.4 * random.NextDouble(),
        Jitter: 0.02 + 0.06 * random.NextDouble(),
        GapEverySeconds: 20 + 100 * random.NextDouble());

    /// <summary>
    /// Smile onsets as a Poisson process whose rate is <see cref="PerMinute"/> times <paramref name="rateFactor"/> at each
    /// moment (thinned from the highest rate), so a session can warm up or follow a mood.
    /// </summary>
    public IEnumerable<DesignedSmile> Smiles(Random random, double seconds, Func<double, double>? rateFactor = null, double highestFactor = 1)
    {
        var highest = PerMinute * highestFactor / 60;
        for (var t = Exponential(random, 1 / highest); t < seconds; t += Exponential(random, 1 / highest))
        {
            if (random.NextDouble() * highestFactor > (rateFactor?.Invoke(t) ?? 1))
                continue;
            yield return Next(random, t);
        }
    }

    public DesignedSmile Next(Random random, double start) =>
        new(start, Exponential(random, MeanHoldSeconds) + 0.3, LowHeight + (HighHeight - LowHeight) * random.NextDouble(), 0.2 + 0.4 * random.NextDouble());

    public static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());
}

/// <summary>
/// A designed <c>smile</c> signal as the face stage gives it (30 per second, 0 at the neutral mouth, NaN where the face
/// was not seen): smiles rise, hold and fall; the mesh adds jitter that drifts (smoothed, as the face smoother leaves
/// it); the face is lost now and then for a moment (<see cref="Losses"/>).
/// </summary>
internal static class SmileSignal
{
    public const double Rate = 30;

    public static double[] Render(Random random, double seconds, SmileHabit habit, IEnumerable<DesignedSmile> smiles)
    {
        var length = (int)(seconds * Rate);
        var values = Jitter(random, length, habit.Jitter);
        foreach (var smile in smiles)
            Add(values, smile);
        return values;
    }

    /// <summary>Moments the face is lost (turned away, covered) for 0.3–4 s, drawn at the person's own rate.</summary>
    public static IEnumerable<(double Start, double Seconds)> Losses(Random random, double seconds, SmileHabit habit)
    {
        for (var gap = SmileHabit.Exponential(random, habit.GapEverySeconds); gap < seconds; gap += SmileHabit.Exponential(random, habit.GapEverySeconds))
            yield return (gap, 0.3 + 3.7 * random.NextDouble());
    }

    /// <summary>Noise smoothed over about a fifth of a second, with the given spread.</summary>
    public static double[] Jitter(Random random, int length, double spread)
    {
        const double keep = 0.85;
        var values = new double[length];
        var state = 0.0;
        var scale = spread * Math.Sqrt(1 - keep * keep);
        for (var i = 0; i < length; i++)
        {
            state = keep * state + scale * Gaussian(random);
            values[i] = state;
        }

        return values;
    }

    public static void Add(double[] values, DesignedSmile smile)
    {
        var end = smile.Start + smile.RiseSeconds + smile.HoldSeconds + smile.RiseSeconds;
        for (var i = Math.Max(0, (int)Math.Ceiling(smile.Start * Rate)); i < Math.Min(values.Length, end * Rate); i++)
        {
            var t = i / Rate;
            var rising = Math.Clamp((t - smile.Start) / smile.RiseSeconds, 0, 1);
            var falling = Math.Clamp((end - t) / smile.RiseSeconds, 0, 1);
            // A raised cosine, so a smile's edges are as smooth as a face's.
            values[i] += smile.Height * 0.5 * (1 - Math.Cos(Math.PI * Math.Min(rising, falling)));
        }
    }

    public static void Lose(double[] values, double start, double seconds)
    {
        var from = Math.Clamp((int)(start * Rate), 0, values.Length);
        var to = Math.Clamp((int)((start + seconds) * Rate), from, values.Length);
        Array.Fill(values, double.NaN, from, to - from);
    }

    public static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>How one person looks at the partner: looks and glances away in bouts of their own typical lengths.</summary>
internal sealed record GazeHabit(double MeanLookSeconds, double MeanAwaySeconds)
{
    /// <summary>From people who look most of the time to people who mostly look away.</summary>
    public static GazeHabit Draw(Random random) => new(1.5 + 4.5 * random.NextDouble(), 0.5 + 2.5 * random.NextDouble());

    /// <summary>
    /// 1 while looking at the partner, 0 while looking away, 30 per second, bouts drawn one after the other; looks last
    /// <paramref name="lookFactor"/> times as long at their start time (so a session can warm up or follow a mood).
    /// </summary>
    public double[] Render(Random random, double seconds, Func<double, double>? lookFactor = null)
    {
        var values = new double[(int)(seconds * SmileSignal.Rate)];
        var looking = random.NextDouble() < MeanLookSeconds / (MeanLookSeconds + MeanAwaySeconds);
        for (var t = 0.0; t < seconds; looking = !looking)
        {
            var bout = looking ? SmileHabit.Exponential(random, MeanLookSeconds * (lookFactor?.Invoke(t) ?? 1)) : SmileHabit.Exponential(random, MeanAwaySeconds);
            Set(values, t, bout, looking ? 1 : 0);
            t += bout;
        }

        return values;
    }

    public static void Set(double[] values, double start, double seconds, double value)
    {
        var from = Math.Clamp((int)(start * SmileSignal.Rate), 0, values.Length);
        var to = Math.Clamp((int)((start + seconds) * SmileSignal.Rate), from, values.Length);
        Array.Fill(values, value, from, to - from);
    }
}
