using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// One camera per person: A's features come from one grid stream and B's from another, and this puts them back
/// together point by point. Both streams must share the grid (rate and origin), so a point's index names the same
/// moment in each. A point waits for its partner, but not for a camera that has stalled or gone: once one side is
/// <paramref name="patience"/> ahead, the other side's points up to there go out missing (NaN, never zero), and anything
/// that side delivers for them later is let go — a point leaves once and in order.
/// </summary>
internal sealed class SideJoin(TimeSpan patience, double sampleRate) : IPairing<FeatureSample, FeatureSample>
{
    private readonly Queue<FeatureSample> _a = new();
    private readonly Queue<FeatureSample> _b = new();
    private readonly long _patiencePoints = Math.Max(1, (long)Math.Ceiling(patience.TotalSeconds * sampleRate));
    private long _newestA = -1;
    private long _newestB = -1;
    private long _lastReleased = -1;
    private bool _endedA;
    private bool _endedB;
    private FeatureSchema? _schema;

    /// <summary>Side 0 carries A, side 1 carries B.</summary>
    public void Add(int side, FeatureSample value, List<FeatureSample> released)
    {
        _schema ??= value.Schema;
        if (!value.Schema.Equals(_schema))
            throw new ArgumentException($"The two cameras' feature rows must have the same features; {(side == 0 ? "A" : "B")}'s have {value.Schema}, the other's {_schema}.", nameof(value));
        if (side == 0)
            Add(_a, ref _newestA, value, released);
        else
            Add(_b, ref _newestB, value, released);
    }

    public void End(int side, List<FeatureSample> released)
    {
        if (side == 0)
            _endedA = true;
        else
            _endedB = true;
        Release(released);
    }

    private void Add(Queue<FeatureSample> side, ref long newest, FeatureSample sample, List<FeatureSample> released)
    {
        if (sample.Index <= _lastReleased)
            return;
        side.Enqueue(sample);
        newest = Math.Max(newest, sample.Index);
        Release(released);
    }

    private void Release(List<FeatureSample> released)
    {
        while (true)
        {
            var a = _a.Count > 0 ? _a.Peek() : null;
            var b = _b.Count > 0 ? _b.Peek() : null;
            if (a is not null && b is not null && a.Index == b.Index)
            {
                _a.Dequeue();
                _b.Dequeue();
                Emit(a with { B = b.B }, released);
            }
            else if (a is not null && (b is not null ? a.Index < b.Index : _endedB || _newestA - a.Index >= _patiencePoints))
            {
                _a.Dequeue();
                Emit(a with { B = Missing(a.A.Length) }, released);
            }
            else if (b is not null && (a is not null ? b.Index < a.Index : _endedA || _newestB - b.Index >= _patiencePoints))
            {
                _b.Dequeue();
                Emit(b with { A = Missing(b.B.Length) }, released);
            }
            else
            {
                return;
            }
        }
    }

    private void Emit(FeatureSample sample, List<FeatureSample> released)
    {
        _lastReleased = sample.Index;
        // A side that lagged past its patience may still hold points that have now been released without it.
        while (_a.TryPeek(out var a) && a.Index <= _lastReleased)
            _a.Dequeue();
        while (_b.TryPeek(out var b) && b.Index <= _lastReleased)
            _b.Dequeue();
        released.Add(sample);
    }

    private static ImmutableArray<double> Missing(int width)
    {
        var values = new double[width];
        Array.Fill(values, double.NaN);
        return ImmutableArray.Create(values);
    }
}
