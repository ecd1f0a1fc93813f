namespace MirrorSense.Bench.Calibration;

/// <summary>
/// How a constructed person leans over time (degrees, positive: counter-clockwise on screen), in the kinds of
/// movement seated people make: slow smooth drifting, posture shifts between held positions, and quasi-periodic
/// sway. Each is drawn from a seed, so a session is rebuilt exactly from its seed.
/// </summary>
internal static class BodyMotion
{
    /// <summary>One of the kinds of movement below, chosen by the generator.</summary>
    public static Func<double, double> Any(Random random, double seconds) => random.Next(3) switch
    {
        0 => Drifting(random),
        1 => Shifting(random, seconds),
        _ => Swaying(random),
    };

    /// <summary>Three sinusoids with random 4–12 s periods and phases, about ±10°.</summary>
    public static Func<double, double> Drifting(Random random, double amplitude = 10)
    {
        var parts = Enumerable.Range(0, 3)
            .Select(_ => (Period: 4 + 8 * random.NextDouble(), Phase: 2 * Math.PI * random.NextDouble(), Size: 0.5 + random.NextDouble()))
            .ToArray();
        var total = parts.Sum(p => p.Size);
        return t => amplitude / total * parts.Sum(p => p.Size * Math.Sin(2 * Math.PI * t / p.Period + p.Phase));
    }

    /// <summary>Held postures (±12°) changed every 3–15 s by a smooth 0.5–1.5 s shift, with a little sway on top.</summary>
    public static Func<double, double> Shifting(Random random, double seconds)
    {
        var shifts = new List<(double At, double Length, double To)>();
        var level = 24 * random.NextDouble() - 12;
        var start = level;
        for (var at = 3 + 12 * random.NextDouble(); at < seconds + 5; at += 3 + 12 * random.NextDouble())
        {
            var to = 24 * random.NextDouble() - 12;
            shifts.Add((at, 0.5 + random.NextDouble(), to));
        }

        var sway = Drifting(random, amplitude: 1.5);
        return t =>
        {
            var value = start;
            foreach (var (at, length, to) in shifts)
            {
                if (t < at)
                    break;
                var progress = Math.Min(1, (t - at) / length);
                value += (to - value) * (0.5 - 0.5 * Math.Cos(Math.PI * progress));
            }

            return value + sway(t);
        };
    }

    /// <summary>A sway of 3–8 s period (±6–10°) whose period wanders by up to a fifth over the session.</summary>
    public static Func<double, double> Swaying(Random random)
    {
        var period = 3 + 5 * random.NextDouble();
        var amplitude = 6 + 4 * random.NextDouble();
        var wander = Drifting(random, amplitude: 1);
        var phase = 2 * Math.PI * random.NextDouble();
        // The phase integrates a frequency that wanders slowly, so the sway never repeats exactly.
        return t => amplitude * Math.Sin(phase + 2 * Math.PI * t / period * (1 + 0.02 * wander(t / 10)));
    }

    /// <summary>B's lean: <paramref name="share"/> of A's, <paramref name="lagSeconds"/> later, mirrored or to the same side, plus B's own.</summary>
    public static Func<double, double> Following(Func<double, double> a, Func<double, double> own, double share, double lagSeconds, bool mirrored) =>
        t => (t >= lagSeconds ? (mirrored ? -1 : 1) * share * a(t - lagSeconds) : 0) + own(t);
}
