using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// Finds head oscillations in one gridded position signal, sample by sample (so the batch and streaming
/// forms are this same code). Three steps:
/// (1) the signal is smoothed over half the shortest cycle (landmark jitter is frame-to-frame noise)
///     and the posture taken out with a centred moving average two longest cycles wide, so a lean or
///     a slow drift is not an oscillation;
/// (2) turning points are confirmed with hysteresis: a maximum once the signal has fallen the minimum
///     swing below it, a minimum likewise, so jitter smaller than a swing never makes one; a turning
///     point that is not followed by a reversal within half a longest cycle (the head comes to rest
///     after a single nod) is confirmed when that time is up;
/// (3) consecutive turning points half a cycle apart (half the shortest to half the longest cycle)
///     make one event; an event needs the minimum number of cycles.
/// A turning point at rest (where the head sets off, or comes to rest after a single nod) is placed
/// where the head leaves or reaches its resting level, not at whichever resting sample happened to be
/// the extreme. A missing sample ends any oscillation in progress.
/// </summary>
internal sealed class OscillationDetector
{
    private readonly HeadMovementOptions _options;
    private readonly FeatureGridOptions _grid;
    private readonly Participant _participant;
    private readonly HeadMovementKind _kind;
    private readonly HeadSignal _signal;
    private readonly int _half;
    private readonly int _smooth;
    private readonly double _rest;
    private readonly double _minHalf;
    private readonly double _maxHalf;
    private readonly double _swing;
    private readonly Queue<(long Index, double Value)> _window = new();

    private long _nextCentre = -1;
    private Mode _mode = Mode.Searching;
    private Point? _high, _low;
    private long _highLeft, _lowLeft;
    private Point _candidate;
    private Point _arrival;
    private Run? _run;

    public OscillationDetector(HeadMovementOptions options, FeatureGridOptions grid, Participant participant, HeadMovementKind kind)
    {
        _options = options;
        _grid = grid;
        _participant = participant;
        _kind = kind;
        _signal = options.Signal;
        _half = (int)Math.Round(options.MaximumCycleSeconds * grid.SampleRate);
        _smooth = Math.Min(_half, (int)Math.Round(options.MinimumCycleSeconds / 4 * grid.SampleRate));
        _rest = options.MinimumSwing / 4;
        _minHalf = options.MinimumCycleSeconds / 2;
        _maxHalf = options.MaximumCycleSeconds / 2;
        _swing = options.MinimumSwing;
    }

    private enum Mode
    {
        Searching,
        Rising,
        Falling,
    }

    /// <summary>Sample <paramref name="index"/> of the signal; indices must be consecutive.</summary>
    public void Add(long index, double value, List<HeadMovementEvent> events)
    {
        if (_nextCentre < 0)
            _nextCentre = index;
        _window.Enqueue((index, value));
        // The centre of a full window is settled; earlier centres were settled on the way here.
        while (_nextCentre <= index - _half)
            Centre(_nextCentre++, events);
        while (_window.Count > 0 && _window.Peek().Index < _nextCentre - _half)
            _window.Dequeue();
    }

    public void Complete(List<HeadMovementEvent> events)
    {
        if (_window.Count > 0)
        {
            var last = _window.Last().Index;
            while (_nextCentre >= 0 && _nextCentre <= last)
                Centre(_nextCentre++, events);
        }

        Flush(events);
    }

    private void Centre(long centre, List<HeadMovementEvent> events)
    {
        double raw = double.NaN, sum = 0, near = 0;
        int count = 0, nearCount = 0;
        foreach (var (index, value) in _window)
        {
            if (index == centre)
                raw = value;
            if (double.IsNaN(value) || index < centre - _half || index > centre + _half)
                continue;
            sum += value;
            count++;
            if (Math.Abs(index - centre) <= _smooth)
            {
                near += value;
                nearCount++;
            }
        }

        if (double.IsNaN(raw))
        {
            Flush(events);
            return;
        }

        var smoothed = near / nearCount;
        Step(new Point(centre, smoothed - sum / count, smoothed), events);
    }

    private void Step(Point p, List<HeadMovementEvent> events)
    {
        switch (_mode)
        {
            case Mode.Searching:
                // Only recent extremes can start an oscillation; older ones are too far from any next turning point. An
                // extreme the head is still resting at is as recent as the moment it left it: a level reached early in a
                // rest is where the head sets off from at its end.
                if (_high is { } h && p.Y < h.Y && Seconds(p.Index - _highLeft) <= _maxHalf)
                {
                    if (h.Y - p.Y <= _rest)
                        _highLeft = p.Index;
                }
                else
                {
                    (_high, _highLeft) = (p, p.Index);
                }

                if (_low is { } l && p.Y > l.Y && Seconds(p.Index - _lowLeft) <= _maxHalf)
                {
                    if (p.Y - l.Y <= _rest)
                        _lowLeft = p.Index;
                }
                else
                {
                    (_low, _lowLeft) = (p, p.Index);
                }

                var (high, low) = (_high.Value, _low.Value);
                // An extreme with a swing before it is a turning point; one without is the resting level the head left.
                if (p.Y - low.Y >= _swing)
                {
                    var fromHigh = high.Index < low.Index && high.Y - low.Y >= _swing;
                    if (fromHigh)
                        Confirm(high with { Index = _highLeft }, events);
                    Confirm(fromHigh ? low : low with { Index = _lowLeft }, events);
                    Follow(Mode.Rising, p);
                }
                else if (high.Y - p.Y >= _swing)
                {
                    var fromLow = low.Index < high.Index && high.Y - low.Y >= _swing;
                    if (fromLow)
                        Confirm(low with { Index = _lowLeft }, events);
                    Confirm(fromLow ? high : high with { Index = _highLeft }, events);
                    Follow(Mode.Falling, p);
                }

                break;

            case Mode.Rising or Mode.Falling:
                var rising = _mode == Mode.Rising;
                if (rising ? p.Y >= _candidate.Y : p.Y <= _candidate.Y)
                {
                    _candidate = p;
                    // The head reached this level when it first came within the resting band of it.
                    if (Math.Abs(p.Y - _arrival.Y) > _rest)
                        _arrival = p;
                }
                else if ((rising ? _candidate.Y - p.Y : p.Y - _candidate.Y) >= _swing)
                {
                    Confirm(_candidate, events);
                    Follow(rising ? Mode.Falling : Mode.Rising, p);
                    break;
                }

                if (Seconds(p.Index - _arrival.Index) > _maxHalf)
                {
                    // The head came to rest: the last turning point of whatever came before is where it got there.
                    Confirm(_candidate with { Index = _arrival.Index }, events);
                    Search(p);
                }

                break;
        }

        // No turning point still to come can be half a cycle from the run's last one: the run is over.
        if (_run is { } run)
        {
            var earliest = _mode != Mode.Searching ? _arrival.Index
                : _high is { } lastHigh && _low is { } lastLow ? Math.Min(lastHigh.Index, lastLow.Index)
                : long.MaxValue;
            if (Seconds(earliest - run.Last.Index) > _maxHalf)
                Close(events);
        }
    }

    private void Confirm(Point extreme, List<HeadMovementEvent> events)
    {
        if (_run is { } run)
        {
            var gap = Seconds(extreme.Index - run.Last.Index);
            if (gap >= _minHalf && gap <= _maxHalf)
            {
                run.Add(extreme);
                return;
            }

            Close(events);
        }

        _run = new Run(extreme);
    }

    private void Close(List<HeadMovementEvent> events)
    {
        if (_run is { } run && run.Cycles >= _options.MinimumCycles)
            events.Add(new HeadMovementEvent(_grid.TimeOf(run.First.Index), _grid.TimeOf(run.Last.Index), _participant, _kind, run.Cycles, run.Amplitude) { From = _signal });
        _run = null;
    }

    /// <summary>A gap in the signal or its end: a swing under way ends at its candidate, and the run with it.</summary>
    private void Flush(List<HeadMovementEvent> events)
    {
        if (_mode != Mode.Searching)
            Confirm(_candidate with { Index = _arrival.Index }, events);
        Close(events);
        _mode = Mode.Searching;
        _high = _low = null;
    }

    private void Search(Point p)
    {
        _mode = Mode.Searching;
        (_high, _low) = (p, p);
        (_highLeft, _lowLeft) = (p.Index, p.Index);
    }

    private void Follow(Mode mode, Point p) => (_mode, _candidate, _arrival) = (mode, p, p);

    private double Seconds(long samples) => samples / _grid.SampleRate;

    /// <summary>A sample of the signal: its grid index, its value with the posture taken out, and as measured.</summary>
    private readonly record struct Point(long Index, double Y, double Raw);

    private sealed class Run(Point first)
    {
        private double _swings;

        public Point First { get; } = first;
        public Point Last { get; private set; } = first;
        public int Count { get; private set; } = 1;

        public double Cycles => (Count - 1) / 2.0;

        public double Amplitude => Count > 1 ? _swings / (Count - 1) / 2 : 0;

        public void Add(Point extreme)
        {
            _swings += Math.Abs(extreme.Raw - Last.Raw);
            Last = extreme;
            Count++;
        }
    }
}
