using MirrorSense.Core;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// Turns a channel's raw readings into its 0–100 index: the percentile of the reading among a pool of recent
/// surrogate readings (the same measure with the partner's stream out of step with A), exponentially smoothed.
/// 50 is what chance alignment of these two people gives; the pool keeps moving with them.
/// </summary>
internal sealed class SurrogateIndex(int pool, int minimum, double smoothingSeconds)
{
    private readonly Queue<double> _pool = new();
    private double _smoothed = double.NaN;
    private MediaTime _smoothedAt;

    public bool Ready => _pool.Count >= minimum;

    public int Count => _pool.Count;

    public void AddSurrogate(double value)
    {
        if (double.IsNaN(value))
            return;
        _pool.Enqueue(value);
        if (_pool.Count > pool)
            _pool.Dequeue();
    }

    /// <summary>The smoothed index of <paramref name="value"/> at <paramref name="time"/>; NaN (and smoothing restarts) when there is no value or no baseline yet.</summary>
    public double Index(double value, MediaTime time)
    {
        if (double.IsNaN(value) || !Ready)
        {
            _smoothed = double.NaN;
            return double.NaN;
        }

        double below = 0, equal = 0;
        foreach (var surrogate in _pool)
        {
            if (surrogate < value)
                below++;
            else if (surrogate == value)
                equal++;
        }

        var raw = 100 * (below + 0.5 * equal) / _pool.Count;
        if (double.IsNaN(_smoothed) || smoothingSeconds <= 0)
        {
            _smoothed = raw;
        }
        else
        {
            var step = Math.Max(0, (time - _smoothedAt).TotalSeconds);
            _smoothed += (1 - Math.Exp(-step / smoothingSeconds)) * (raw - _smoothed);
        }

        _smoothedAt = time;
        return _smoothed;
    }
}
