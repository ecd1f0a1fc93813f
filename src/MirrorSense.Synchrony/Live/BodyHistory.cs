using MirrorSense.Core;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// The last stretch of both people's body features on the grid, in a ring: a fixed amount of memory whatever the
/// session's length. Grid points that never arrived (a dropped frame, nobody seen) read as missing.
/// </summary>
internal sealed class BodyHistory
{
    private readonly double[][] _a;
    private readonly double[][] _b;
    private readonly int _capacity;
    private long _next = -1;

    public BodyHistory(int width, int capacity)
    {
        _capacity = capacity;
        _a = [.. Enumerable.Range(0, width).Select(_ => Filled(capacity))];
        _b = [.. Enumerable.Range(0, width).Select(_ => Filled(capacity))];
    }

    public MediaTime? Newest { get; private set; }

    /// <summary>Samples held (up to the capacity).</summary>
    public long Held { get; private set; }

    public void Add(FeatureSample sample)
    {
        if (_next >= 0 && sample.Index < _next)
            return;   // a repeat or out-of-order grid point: the ring only moves forward
        if (_next >= 0)
            for (var skipped = _next; skipped < sample.Index && skipped < _next + _capacity; skipped++)
                Clear(skipped);
        var slot = Slot(sample.Index);
        for (var f = 0; f < _a.Length; f++)
        {
            _a[f][slot] = f < sample.A.Length ? sample.A[f] : double.NaN;
            _b[f][slot] = f < sample.B.Length ? sample.B[f] : double.NaN;
        }

        Held = _next < 0 ? 1 : Math.Min(_capacity, Held + (sample.Index + 1 - _next));
        _next = sample.Index + 1;
        Newest = sample.Time;
    }

    /// <summary>
    /// Feature <paramref name="feature"/> of one participant over <paramref name="length"/> samples ending
    /// <paramref name="back"/> samples before the newest (NaN where the ring has nothing).
    /// </summary>
    public double[] Window(Participant participant, int feature, int length, int back = 0)
    {
        var source = participant == Participant.A ? _a[feature] : _b[feature];
        var window = new double[length];
        var first = _next - back - length;
        for (var i = 0; i < length; i++)
        {
            var index = first + i;
            window[i] = index < 0 || index < _next - Held ? double.NaN : source[Slot(index)];
        }

        return window;
    }

    private void Clear(long index)
    {
        var slot = Slot(index);
        for (var f = 0; f < _a.Length; f++)
        {
            _a[f][slot] = double.NaN;
            _b[f][slot] = double.NaN;
        }
    }

    private int Slot(long index) => (int)(((index % _capacity) + _capacity) % _capacity);

    private static double[] Filled(int length)
    {
        var values = new double[length];
        Array.Fill(values, double.NaN);
        return values;
    }
}
