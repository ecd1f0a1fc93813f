using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// The feature grid, one frame at a time. A grid point is settled, and released, once the frames have
/// moved a gap limit past it: by then any value it could be interpolated towards has arrived, and if
/// none has, the gap is too long and the point is missing. So samples leave at most the gap limit after
/// their time, and only that stretch of grid points is ever held. One instance serves one stream.
/// </summary>
internal sealed class GridResampler
{
    private readonly FeatureGridOptions _options;
    private readonly long _maxGap;
    private readonly Queue<Row> _pending = new();
    private (long Time, double Value)[][]? _lastValid;
    private int _width = -1;
    private FeatureSchema _schema = FeatureSchema.Empty;
    private long _created;
    private MediaTime? _latest;

    public GridResampler(FeatureGridOptions options)
    {
        options.Validate();
        _options = options;
        _maxGap = options.MaximumGapMicroseconds;
    }

    public void Add(FeatureFrame frame, List<FeatureSample> released)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_width < 0)
        {
            _schema = frame.Schema;
            _width = _schema.Count;
            _lastValid = [new (long, double)[_width], new (long, double)[_width]];
            foreach (var side in _lastValid)
                Array.Fill(side, (long.MinValue, double.NaN));
        }

        FeatureFrames.CheckSchema(frame, _schema);
        if (_latest is { } latest && frame.Time <= latest)
            throw new InvalidOperationException($"Feature frames must come in increasing media time; got {frame.Time} after {latest}.");
        _latest = frame.Time;

        // Rows exist for every grid point up to this frame, so the values below can reach them.
        if (frame.Time >= _options.Origin)
        {
            for (var last = FeatureGrid.LastIndexAtOrBefore(_options, frame.Time); _created <= last; _created++)
                _pending.Enqueue(new Row(_created, _options.TimeOf(_created), _width));
        }

        var t = frame.Time.Microseconds;
        foreach (var participant in (Participant[])[Participant.A, Participant.B])
        {
            var values = frame[participant];
            var lastValid = _lastValid![(int)participant];
            for (var f = 0; f < _width; f++)
            {
                var v = values[f];
                if (double.IsNaN(v))
                    continue;
                var (t0, v0) = lastValid[f];
                foreach (var row in _pending)
                {
                    var g = row.Time.Microseconds;
                    if (g > t0 && g <= t)
                    {
                        row.Values(participant)[f] = g == t ? v
                            : t0 != long.MinValue && t - t0 <= _maxGap ? FeatureFrames.Interpolate(t0, v0, t, v, g)
                            : double.NaN;
                    }
                }

                lastValid[f] = (t, v);
            }
        }

        var settled = _options.ReleaseAtNextFrame ? 0 : _maxGap;
        while (_pending.Count > 0 && _pending.Peek().Time.Microseconds + settled <= t)
            released.Add(_pending.Dequeue().ToSample(_schema));
    }

    /// <summary>The end of the frames settles every remaining grid point: nothing more can reach them.</summary>
    public void Complete(List<FeatureSample> released)
    {
        while (_pending.Count > 0)
            released.Add(_pending.Dequeue().ToSample(_schema));
    }

    private sealed class Row
    {
        private readonly double[] _a;
        private readonly double[] _b;

        public Row(long index, MediaTime time, int width)
        {
            Index = index;
            Time = time;
            _a = new double[width];
            _b = new double[width];
            Array.Fill(_a, double.NaN);
            Array.Fill(_b, double.NaN);
        }

        public long Index { get; }
        public MediaTime Time { get; }

        public double[] Values(Participant participant) => participant == Participant.A ? _a : _b;

        public FeatureSample ToSample(FeatureSchema schema) => new(Time, Index, schema, ImmutableArray.Create(_a), ImmutableArray.Create(_b));
    }
}
