namespace MirrorSense.Synchrony.Features.Face;

/// <summary>
/// One person's smile against their own neutral face: 0 at their neutral mouth, 1 at a broad smile. The neutral mouth
/// is the lower fifth (20th percentile) of their recent <see cref="MouthShape.SmileExtent"/> values, because people are
/// at rest far more often than smiling and a mouth is never wider than rest without a smile; a broad smile is
/// <see cref="BroadSmileExtent"/> more than that. Memory is bounded by the window; one instance per person and stream.
/// </summary>
public sealed class SmileBaseline
{
    /// <summary>
    /// How much a broad smile adds to spread plus lift, in outer-eye distances. Measured on face-api's demo photos: the
    /// laughing woman of sample 1 reads 0.74, three faces with their lips at rest 0.50–0.56, closed-lip and toothy
    /// smiles 0.59–0.62 (different people, so only a guide to one person's range).
    /// </summary>
    public const double BroadSmileExtent = 0.25;

    /// <summary>The share of recent values below the neutral mouth.</summary>
    public const double NeutralQuantile = 0.2;

    private readonly double[] _recent;
    private readonly double[] _sorted;
    private int _count;
    private int _next;

    /// <param name="window">How many recent faces the neutral mouth is taken from (900: 30 s at 30 frames per second).</param>
    public SmileBaseline(int window = 900)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _recent = new double[window];
        _sorted = new double[window];
    }

    /// <summary>The smile for this face's extent; a missing (NaN) extent is missing and leaves the baseline as it was.</summary>
    public double Next(double extent)
    {
        if (!double.IsFinite(extent))
            return double.NaN;
        _recent[_next] = extent;
        _next = (_next + 1) % _recent.Length;
        _count = Math.Min(_count + 1, _recent.Length);
        Array.Copy(_recent, _sorted, _count);
        Array.Sort(_sorted, 0, _count);
        var neutral = _sorted[(int)Math.Floor(NeutralQuantile * (_count - 1))];
        return (extent - neutral) / BroadSmileExtent;
    }
}
