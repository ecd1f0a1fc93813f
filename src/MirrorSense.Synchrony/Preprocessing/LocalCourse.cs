namespace MirrorSense.Synchrony.Preprocessing;

/// <summary>
/// A series without its own slow course: each value minus the least-squares line through the present values within
/// ± a half-span of its time, read at its time. A line rather than a mean, so a steady rise leaves nothing behind at
/// the ends of a session either, where a centred mean would see only one side.
/// </summary>
internal static class LocalCourse
{
    /// <param name="times">Seconds, ascending.</param>
    /// <param name="values">NaN where missing (stays missing).</param>
    /// <param name="halfSpanSeconds">How far either side the course is fitted.</param>
    public static double[] Remove(ReadOnlySpan<double> times, ReadOnlySpan<double> values, double halfSpanSeconds)
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
            if (double.IsNaN(values[i]))
            {
                result[i] = double.NaN;
                continue;
            }

            // Times are taken relative to this one, so the fitted line's intercept is the course here.
            double n = 0, st = 0, sv = 0, stt = 0, stv = 0;
            for (var j = from; j < to; j++)
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
