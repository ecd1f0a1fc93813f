using MirrorSense.Core;

namespace MirrorSense.Synchrony.Streaming;

/// <summary>
/// Joins A's and B's samples on media time: each sample lands on grid index round((t - origin)·rate),
/// and index i is released once both streams have moved past it (or ended), a missing side as NaN.
/// Absence is a signal, so a silent stream only holds the other back for <c>maxSkew</c>; after that its
/// samples count as missing and any that arrive later for released indices are dropped.
/// </summary>
internal sealed class SamplePairing(double sampleRate, MediaTime origin, int maxSkewSamples) : IPairing<Stamped<double>, SamplePair>
{
    private readonly Side _a = new("A");
    private readonly Side _b = new("B");
    private long _next;

    /// <summary>Side 0 is A's samples, side 1 B's.</summary>
    public void Add(int participant, Stamped<double> sample, List<SamplePair> released)
    {
        var side = participant == 0 ? _a : _b;
        var index = new MediaTime(sample.Time.Microseconds - origin.Microseconds).ToSampleIndex(sampleRate);
        if (index < 0)
            throw new ArgumentOutOfRangeException(nameof(sample), $"Participant {side.Name}'s sample at {sample.Time} is before the grid origin {origin}.");
        if (index <= side.Last)
            throw new InvalidOperationException($"Participant {side.Name}'s media times must increase by at least one sample period; got {sample.Time} (grid point {index}) after grid point {side.Last}.");
        side.Last = index;
        if (index < _next)
            return;

        side.Pending.Enqueue((index, sample.Value));
        Release(released);
    }

    public void End(int participant, List<SamplePair> released)
    {
        (participant == 0 ? _a : _b).Completed = true;
        Release(released);
    }

    private void Release(List<SamplePair> released)
    {
        var bound = Math.Min(_a.Bound, _b.Bound);
        // Do not wait forever for a stalled partner: beyond maxSkew its samples are taken as missing.
        var leader = Math.Max(_a.Completed ? -1 : _a.Last, _b.Completed ? -1 : _b.Last);
        bound = Math.Max(bound, leader - maxSkewSamples);
        if (_a.Completed && _b.Completed)
            bound = Math.Max(_a.Last, _b.Last);
        for (; _next <= bound; _next++)
            released.Add(new SamplePair(_next, new MediaTime(origin.Microseconds + MediaTime.OfSample(_next, sampleRate).Microseconds), _a.Take(_next), _b.Take(_next)));
    }

    private sealed class Side(string name)
    {
        public string Name { get; } = name;
        public Queue<(long Index, double Value)> Pending { get; } = new();
        public long Last { get; set; } = -1;
        public bool Completed { get; set; }
        public long Bound => Completed ? long.MaxValue : Last;

        public double Take(long index)
        {
            while (Pending.Count > 0 && Pending.Peek().Index < index)
                Pending.Dequeue();
            return Pending.Count > 0 && Pending.Peek().Index == index ? Pending.Dequeue().Value : double.NaN;
        }
    }
}
