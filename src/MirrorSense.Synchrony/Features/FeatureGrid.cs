using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// Resamples irregular feature frames onto the fixed grid of <see cref="FeatureGridOptions"/>, over
/// the whole session at once. Each feature of each participant is resampled on its own: a grid point
/// that coincides with a measured value takes it; one between two measured values no more than the
/// gap limit apart takes the straight line between them; any other is NaN (absent, or a gap too long).
/// Grid points run from the origin to the last frame's time. The streaming operator
/// <see cref="FeatureObservable.ResampleToGrid"/> gives the same samples.
/// </summary>
public static class FeatureGrid
{
    public static IReadOnlyList<FeatureSample> Resample(IReadOnlyList<FeatureFrame> frames, FeatureGridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        options ??= FeatureGridOptions.Default;
        options.Validate();
        if (frames.Count == 0)
            return [];
        var schema = frames[0].Schema;
        var width = schema.Count;
        for (var i = 0; i < frames.Count; i++)
        {
            FeatureFrames.CheckSchema(frames[i], schema);
            if (i > 0 && frames[i].Time <= frames[i - 1].Time)
                throw new InvalidOperationException($"Feature frames must come in increasing media time; got {frames[i].Time} after {frames[i - 1].Time}.");
        }

        var last = frames[^1].Time;
        var count = last < options.Origin ? 0 : LastIndexAtOrBefore(options, last) + 1;
        var a = new double[count][];
        var b = new double[count][];
        for (var k = 0; k < count; k++)
        {
            a[k] = new double[width];
            b[k] = new double[width];
        }

        var times = new long[frames.Count];
        var values = new double[frames.Count];
        foreach (var participant in (Participant[])[Participant.A, Participant.B])
        {
            var rows = participant == Participant.A ? a : b;
            for (var f = 0; f < width; f++)
            {
                // The measured values of this feature, then each grid point from its two neighbours.
                var n = 0;
                foreach (var frame in frames)
                {
                    var v = frame[participant][f];
                    if (double.IsNaN(v))
                        continue;
                    times[n] = frame.Time.Microseconds;
                    values[n++] = v;
                }

                var next = 0;
                for (var k = 0; k < count; k++)
                {
                    var g = options.TimeOf(k).Microseconds;
                    while (next < n && times[next] < g)
                        next++;
                    rows[k][f] = next < n && times[next] == g ? values[next]
                        : next > 0 && next < n && times[next] - times[next - 1] <= options.MaximumGapMicroseconds
                            ? FeatureFrames.Interpolate(times[next - 1], values[next - 1], times[next], values[next], g)
                            : double.NaN;
                }
            }
        }

        var samples = new FeatureSample[count];
        for (var k = 0; k < count; k++)
            samples[k] = new FeatureSample(options.TimeOf(k), k, schema, ImmutableArray.Create(a[k]), ImmutableArray.Create(b[k]));
        return samples;
    }

    /// <summary>The last grid index whose time is at or before <paramref name="time"/> (−1 before the origin).</summary>
    internal static long LastIndexAtOrBefore(FeatureGridOptions options, MediaTime time)
    {
        var k = (long)Math.Floor((time.Microseconds - options.Origin.Microseconds) / (double)MediaTime.MicrosecondsPerSecond * options.SampleRate);
        // The grid's times are rounded to whole microseconds, so the estimate may be one off either way.
        while (k >= 0 && options.TimeOf(k) > time)
            k--;
        while (options.TimeOf(k + 1) <= time)
            k++;
        return k;
    }
}

/// <summary>Checks and arithmetic shared by the batch and streaming grids, so both give identical numbers.</summary>
internal static class FeatureFrames
{
    /// <summary>A frame of the stream's <paramref name="schema"/> with a value for each of its features, for A and for B.</summary>
    public static void CheckSchema(FeatureFrame frame, FeatureSchema schema)
    {
        if (!frame.Schema.Equals(schema))
            throw new ArgumentException($"Every feature frame of a stream must have the same features; the frame at {frame.Time} has {frame.Schema} after {schema}.");
        if (frame.A.IsDefault || frame.B.IsDefault || frame.A.Length != schema.Count || frame.B.Length != schema.Count)
            throw new ArgumentException($"Every feature frame must carry {schema.Count} values for A and for B ({schema}); the frame at {frame.Time} does not.");
    }

    /// <summary>The straight line from (t0, v0) to (t1, v1) at <paramref name="t"/>, t0 &lt; t ≤ t1.</summary>
    public static double Interpolate(long t0, double v0, long t1, double v1, long t) =>
        t == t1 ? v1 : v0 + (v1 - v0) * ((t - t0) / (double)(t1 - t0));
}
