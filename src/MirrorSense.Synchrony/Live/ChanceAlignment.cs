namespace MirrorSense.Synchrony.Live;

/// <summary>
/// The rule behind every live body reading and its surrogates (MEASURES.md §5), in one place so the real reading and
/// the chance readings cannot drift apart. Both start from each person's frame-to-frame steps in the window.
/// <list type="bullet">
/// <item>Frames where both people stepped together far beyond chance are flattened in both, before anything else
/// (and gesture's changes are bounded, for the milder spikes a dropped frame puts in both).
/// Such a frame-wide event (a tracker reset, a lighting change, camera shake) is a coincidence of the real pairing at
/// lag 0, where no lag is searched; but a surrogate moves B's copy of it elsewhere, where A's copy can meet it at a
/// searched lag, so left in, frame-wide events would lift the chance readings and push a null reading below 50; and
/// a jump left in the levels would line the two up at every lag. Flattened, they weigh in neither.</item>
/// <item>Posture compares positions (the steps summed back into levels, the window's straight-line trend removed):
/// mirroring is holding the partner's posture, and levels keep its full size against the tracker's frame-to-frame
/// noise; a slow trend both share (both sit up over the session) is what the straight line takes away. Gesture
/// compares the rises and falls of motion energy over a short span: synchrony is moving at the same moments, and
/// motion energy's slow swell says little about when.</item>
/// <item>Lags closer to 0 than the coincidence band are never searched: a frame that moves both people at once is
/// indistinguishable there from mirroring, and nobody mirrors faster than they can see.</item>
/// <item>A surrogate pairs A's current window with B's current window played backwards (steps reversed and negated)
/// and started elsewhere in the window. Taking B from the same window, not from B's past, is what makes it chance under
/// the null whatever happened before: after a mirrored stretch B's past is A's own past, and A against its own past is
/// self-similarity (a sway matches itself), not chance. B's own movement statistics (its spectrum, its size, its
/// missing frames) are those of now, and a stationary movement played backwards is as likely as forwards; reversed,
/// it lines up with A's only by chance even while B copies A. Rotating steps rather than levels leaves no jump where
/// the window wraps round.</item>
/// <item>The pool holds the surrogates of the last few seconds of updates only (each already a window long), so it
/// always describes the relation of now and not of a stretch that differed.</item>
/// </list>
/// </summary>
internal static class ChanceAlignment
{
    /// <summary>How far above chance two people's joint change in one frame must lie to count as one event moving both.</summary>
    private const double SharedEventSigmas = 5;

    /// <summary>Compared changes are bounded at this many robust standard deviations from their median.</summary>
    private const double MaximumChange = 2;

    /// <summary>Robust z-scores are bounded here, so one wild component cannot carry a frame alone.</summary>
    private const double MaximumZ = 6;

    /// <summary>Steps between consecutive samples: value t is levels[t + 1] − levels[t] (NaN where either is missing).</summary>
    public static double[] Steps(double[] levels)
    {
        var steps = new double[levels.Length - 1];
        for (var t = 0; t < steps.Length; t++)
            steps[t] = levels[t + 1] - levels[t];
        return steps;
    }

    /// <summary>
    /// Changes over <paramref name="span"/> steps (value t is the sum of steps t .. t + span − 1), each bounded at
    /// <see cref="MaximumChange"/> robust standard deviations: a dropped frame or a compression burst makes motion
    /// energy spike in both people at once, too often and too mildly to be flattened as an event, and a surrogate would
    /// line those spikes up at a searched lag where the real pairing cannot; bounded, they weigh no more than movement.
    /// </summary>
    public static double[][] Changes(IReadOnlyList<double[]> steps, int span) => [.. steps.Select(s => Bounded(Sums(s, span)))];

    /// <summary>
    /// Flattens, in both people's steps, every change over <paramref name="span"/> (and <paramref name="margin"/> steps
    /// either side) in which the two changed together far beyond chance: the sum over components of |z_A · z_B| (robust
    /// z-scores of each person's change) more than <see cref="SharedEventSigmas"/> standard deviations above what
    /// independent movements give. A product, not a threshold per person: a frame-wide event can be small beside one
    /// person's own movement yet still line the two up. Changes over a span, not single steps: a tracker's smoothing
    /// spreads one event over a few frames.
    /// </summary>
    public static void DropSharedEvents(double[][] a, double[][] b, int span, int margin)
    {
        var sumsA = a.Select(c => Sums(c, span)).ToArray();
        var sumsB = b.Select(c => Sums(c, span)).ToArray();
        var spreadsA = sumsA.Select(RobustSpread).ToArray();
        var spreadsB = sumsB.Select(RobustSpread).ToArray();
        var length = a.Length == 0 ? 0 : sumsA[0].Length;
        // |XY| of independent standard normals has mean 2/π and variance 1 − 4/π².
        var limit = a.Length * 2 / Math.PI + SharedEventSigmas * Math.Sqrt(a.Length * (1 - 4 / (Math.PI * Math.PI)));
        var drop = new bool[length];
        for (var t = 0; t < length; t++)
        {
            double together = 0;
            for (var k = 0; k < a.Length; k++)
            {
                var product = Math.Abs(Z(sumsA[k][t], spreadsA[k]) * Z(sumsB[k][t], spreadsB[k]));
                if (!double.IsNaN(product))
                    together += product;
            }

            // The change over the span at t is the steps t .. t + span − 1: flatten those and the margin around them.
            if (together > limit)
                for (var u = Math.Max(0, t - margin); u <= Math.Min(drop.Length - 1, t + span - 1 + margin); u++)
                    drop[u] = true;
        }

        Flatten(a, drop);
        Flatten(b, drop);
    }

    /// <summary>
    /// The movement as levels again, from its steps, with the window's straight-line trend removed: what both share
    /// slowly (both sit up over the session) is gone, what a flattened event added is gone, and the levels keep the
    /// movement's full size against the tracker's frame-to-frame noise (changes over a short span would not).
    /// </summary>
    public static double[][] Levels(IReadOnlyList<double[]> steps)
    {
        var result = new double[steps.Count][];
        for (var k = 0; k < steps.Count; k++)
        {
            var source = steps[k];
            var levels = new double[source.Length];
            double level = 0, n = 0, st = 0, sl = 0, stt = 0, stl = 0;
            for (var t = 0; t < source.Length; t++)
            {
                if (double.IsNaN(source[t]))
                {
                    levels[t] = double.NaN;
                    continue;
                }

                level += source[t];
                levels[t] = level;
                n++;
                st += t;
                sl += level;
                stt += (double)t * t;
                stl += t * level;
            }

            var denominator = n * stt - st * st;
            var slope = n > 1 && denominator > 0 ? (n * stl - st * sl) / denominator : 0;
            var intercept = n > 0 ? (sl - slope * st) / n : 0;
            for (var t = 0; t < levels.Length; t++)
                levels[t] -= intercept + slope * t;
            result[k] = levels;
        }

        return result;
    }

    /// <summary>
    /// B's steps as if B had moved backwards in time (reversed and negated: the steps of the reversed movement),
    /// read circularly from <paramref name="start"/>.
    /// </summary>
    public static double[][] Reversed(IReadOnlyList<double[]> changes, int start)
    {
        var result = new double[changes.Count][];
        for (var k = 0; k < changes.Count; k++)
        {
            var source = changes[k];
            var n = source.Length;
            var reversed = new double[n];
            for (var t = 0; t < n; t++)
                reversed[t] = -source[(((start - t) % n) + n) % n];
            result[k] = reversed;
        }

        return result;
    }

    /// <summary>
    /// Where the <paramref name="count"/>-th surrogate starts in a window of <paramref name="length"/>: a golden-ratio
    /// walk, so successive surrogates never dwell on one start.
    /// </summary>
    public static int Start(long count, int length) => (int)((count * 0.6180339887498949 % 1.0) * length);

    /// <summary>The robust z-score of a change, bounded at ±<see cref="MaximumZ"/>; NaN when unknown.</summary>
    private static double Z(double value, (double Median, double Scale) spread) =>
        spread.Scale > 0 ? Math.Clamp((value - spread.Median) / spread.Scale, -MaximumZ, MaximumZ) : double.NaN;

    /// <summary>
    /// Sets the dropped frames to the component's median change (no movement of note) rather than missing: a surrogate
    /// moves B's missing frames away from A's, so fewer pairs would remain than in the real pairing, and the best of
    /// many lags over fewer pairs is higher by chance alone.
    /// </summary>
    private static void Flatten(double[][] components, bool[] drop)
    {
        foreach (var component in components)
        {
            var median = RobustSpread(component).Median;
            for (var t = 0; t < drop.Length; t++)
                if (drop[t] && !double.IsNaN(component[t]))
                    component[t] = double.IsNaN(median) ? 0 : median;
        }
    }

    private static double[] Bounded(double[] changes)
    {
        var (median, scale) = RobustSpread(changes);
        if (!(scale > 0))
            return changes;
        for (var t = 0; t < changes.Length; t++)
            changes[t] = Math.Clamp(changes[t], median - MaximumChange * scale, median + MaximumChange * scale);
        return changes;
    }

    /// <summary>Sums of <paramref name="span"/> consecutive steps: the change over the span starting at each step.</summary>
    private static double[] Sums(double[] steps, int span)
    {
        var sums = new double[Math.Max(0, steps.Length - span + 1)];
        for (var t = 0; t < sums.Length; t++)
        {
            double sum = 0;
            for (var u = t; u < t + span; u++)
                sum += steps[u];
            sums[t] = sum;
        }

        return sums;
    }

    /// <summary>Median and robust standard deviation (1.4826 × MAD) of the present values; scale NaN with fewer than three.</summary>
    private static (double Median, double Scale) RobustSpread(double[] values)
    {
        var present = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (present.Length < 3)
            return (double.NaN, double.NaN);
        var median = present[present.Length / 2];
        var deviations = present.Select(v => Math.Abs(v - median)).Order().ToArray();
        return (median, 1.4826 * deviations[deviations.Length / 2]);
    }
}
