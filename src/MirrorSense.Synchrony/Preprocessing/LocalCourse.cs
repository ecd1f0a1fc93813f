namespace MirrorSense.Synchrony.Preprocessing;

/// <summary>
/// A series without its own slow course: each value minus the least-squares line through the present values within
/// ± a half-span of its time, read at its time. A line rather than a mean, so a steady rise leaves nothing behind at
/// the ends of a session either, where a centred mean would see only one side. Where the span holds few values (a
/// speaker's turns in a slow conversation), the line reaches out to a set number of neighbours either side instead:
/// a line through three points takes a third of what varies freely from point to point (more at the ends) and sets
/// neighbours against each other, and what varies freely from turn to turn is what an answer to the partner is made of.
/// </summary>
internal static class LocalCourse
{
    /// <param name="times">Seconds, ascending.</param>
    /// <param name="values">NaN where missing (stays missing).</param>
    /// <param name="halfSpanSeconds">How far either side the course is fitted.</param>
    /// <param name="fewestEachSide">The fit takes in at least this many neighbours either side (where the series has them), however far.</param>
    public static double[] Remove(ReadOnlySpan<double> times, ReadOnlySpan<double> values, double halfSpanSeconds, int fewestEachSide = 0)
    {
        if (times.Length != values.Length)
            throw new ArgumentException($"{times.Length} times for {values.Length} values.", nameof(times));
        var result = new double[values.Length];
        var from = 0;
        var to = 0;
        for (var i = 0; i < values.Length; i++)
        {
            while (times[from] < times[i] - halfSpanSeconds)
                from++;
            while (to < values.Length && times[to] <= times[i] + halfSpanSeconds)
                to++;
            var (first, end) = (Math.Min(from, Math.Max(0, i - fewestEachSide)), Math.Max(to, Math.Min(values.Length, i + fewestEachSide + 1)));
            if (double.IsNaN(values[i]))
            {
                result[i] = double.NaN;
                continue;
            }

            // Times are taken relative to this one, so the fitted line's intercept is the course here.
            double n = 0, st = 0, sv = 0, stt = 0, stv = 0;
            for (var j = first; j < end; j++)
            {
                if (double.IsNaN(values[j]))
                    continue;
                var t = times[j] - times[i];
                n++;
                st += t;
                sv += values[j];
                stt += t * t;
                stv += t * values[j];
            }

            var spread = stt - st * st / n;
            var slope = spread > 1e-12 ? (stv - st * sv / n) / spread : 0;
            result[i] = values[i] - (sv - slope * st) / n;
        }

        return result;
    }
}
