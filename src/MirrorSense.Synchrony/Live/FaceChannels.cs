using MirrorSense.Core;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// Live shared smiles and attention from the faces on the body grid. Shared smiles: A's last window of <c>smile</c>
/// against B's over ±<see cref="LiveCoordinationOptions.SmileLagSeconds"/>, indexed against B's current window played
/// backwards, turned half a window round, and both (three surrogates per update: as smiley and as slow as B is now, out
/// of step with A), as the posture channel does. Attention: each person's share of looking towards the partner and their
/// nods (head pitch, the detector <c>head_movements.csv</c> uses) while the partner spoke, over the last
/// <see cref="LiveCoordinationOptions.AttentionSeconds"/>.
/// </summary>
internal sealed class FaceChannels
{
    private readonly FaceIndices _faces;
    private readonly LiveCoordinationOptions _options;
    private readonly double _rate;
    private readonly BodyHistory _history;
    private readonly SurrogateIndex _smiles;
    private readonly LookingTally _lookingA;
    private readonly LookingTally _lookingB;
    private readonly Queue<HeadMovementEvent> _nods = new();
    private readonly List<HeadMovementEvent> _found = [];
    private readonly int _window;
    private readonly int _maxLag;
    private OscillationDetector? _nodsA;
    private OscillationDetector? _nodsB;
    private long _nextIndex = -1;
    private bool? _lookingNowA;
    private bool? _lookingNowB;

    public FaceChannels(LiveBodyLayout layout, FaceIndices faces, LiveCoordinationOptions options)
    {
        _faces = faces;
        _options = options;
        _rate = layout.SampleRate;
        _window = Math.Max(1, (int)Math.Round(options.SmileWindowSeconds * _rate));
        _maxLag = (int)Math.Round(options.SmileLagSeconds * _rate);
        _history = new BodyHistory(layout.Width, _window);
        _smiles = new SurrogateIndex(options.SurrogatePool, options.MinimumSurrogates, options.SmoothingSeconds);
        var seconds = (int)Math.Ceiling(options.AttentionSeconds);
        _lookingA = new LookingTally(seconds);
        _lookingB = new LookingTally(seconds);
        Smiles = Missing;
    }

    public ChannelReading Smiles { get; private set; }

    public void Add(FeatureSample sample)
    {
        _history.Add(sample);
        _lookingNowA = Looking(sample.A[_faces.LookingAtPartner]);
        _lookingNowB = Looking(sample.B[_faces.LookingAtPartner]);
        _lookingA.Add(sample.Time, _lookingNowA);
        _lookingB.Add(sample.Time, _lookingNowB);
        AddNods(sample);
    }

    /// <summary>Recomputes shared smiles from the window as it stands.</summary>
    public void Update(MediaTime time)
    {
        var minimumPairs = Math.Max(3, (int)(_window * _options.MinimumCoverage / 2));
        double[][] a = [_history.Window(Participant.A, _faces.Smile, _window)];
        var b = _history.Window(Participant.B, _faces.Smile, _window);
        var match = LaggedMatch.Find(a, [b], _maxLag, minimumPairs);
        if (!double.IsNaN(match.Similarity))
        {
            var reversed = b.Reverse().ToArray();
            foreach (var surrogate in (double[][])[reversed, HalfTurned(b), HalfTurned(reversed)])
                _smiles.AddSurrogate(LaggedMatch.Find(a, [surrogate], _maxLag, minimumPairs).Similarity);
        }

        if (double.IsNaN(match.Similarity) || match.Coverage < _options.MinimumCoverage)
        {
            _smiles.Index(double.NaN, time);
            Smiles = Missing with { Confidence = Math.Round(match.Coverage, 3) };
            return;
        }

        var lag = match.LagSamples / _rate;
        var index = _smiles.Index(match.Similarity, time);
        var confidence = match.Coverage * Math.Min(1.0, (double)_smiles.Count / _options.SurrogatePool);
        Smiles = new ChannelReading(LiveChannel.Smiles, index, confidence, match.Similarity, lag, LiveLeader.Of(index, lag),
            double.IsNaN(index) ? ChannelState.Calibrating : ChannelState.InBand);
    }

    /// <summary>The smiles channel when the body stream has gone quiet (camera lost): no score is invented.</summary>
    public void MarkStale() => Smiles = Missing;

    /// <summary>Attention over the last span up to <paramref name="now"/>, with who spoke when from <paramref name="voices"/>.</summary>
    public AttentionReading Attention(MediaTime now, ISpeechTimeline voices)
    {
        var span = TimeSpan.FromSeconds(_options.AttentionSeconds);
        var from = now - span;
        while (_nods.Count > 0 && _nods.Peek().End < from)
            _nods.Dequeue();
        int NodsWhileListening(Participant who) =>
            _nods.Count(n => n.Participant == who && voices.SpokeAt(who.Partner(), n.Start + (n.End - n.Start) / 2));
        var (lookingA, readA) = _lookingA.Share(now);
        var (lookingB, readB) = _lookingB.Share(now);
        return new AttentionReading(span, lookingA, lookingB, _lookingNowA, _lookingNowB,
            NodsWhileListening(Participant.A), NodsWhileListening(Participant.B),
            voices.SecondsSpoken(Participant.B, from, now), voices.SecondsSpoken(Participant.A, from, now), readA, readB);
    }

    /// <summary>The nods the head pitch shows, found as the grid goes (grid points that never came read as missing).</summary>
    private void AddNods(FeatureSample sample)
    {
        if (_nextIndex >= 0 && sample.Index < _nextIndex)
            return;   // a repeat or out-of-order grid point
        var gap = _nextIndex < 0 ? 0 : sample.Index - _nextIndex;
        if (_nodsA is null || _nodsB is null || gap > _window)
        {
            // First sample, or the faces were gone for longer than a window: what was in progress is over, start afresh.
            _nodsA?.Complete(_found);
            _nodsB?.Complete(_found);
            var grid = new FeatureGridOptions(_rate, Origin: sample.Time - TimeSpan.FromSeconds(sample.Index / _rate));
            _nodsA = new OscillationDetector(HeadMovements.AngleOptions, grid, Participant.A, HeadMovementKind.Nod);
            _nodsB = new OscillationDetector(HeadMovements.AngleOptions, grid, Participant.B, HeadMovementKind.Nod);
            gap = 0;
        }

        for (var k = sample.Index - gap; k < sample.Index; k++)
        {
            _nodsA.Add(k, double.NaN, _found);
            _nodsB.Add(k, double.NaN, _found);
        }

        _nodsA.Add(sample.Index, sample.A[_faces.HeadPitch], _found);
        _nodsB.Add(sample.Index, sample.B[_faces.HeadPitch], _found);
        _nextIndex = sample.Index + 1;
        foreach (var nod in _found)
            _nods.Enqueue(nod);
        _found.Clear();
    }

    private static bool? Looking(double value) => double.IsNaN(value) ? null : value >= 0.5;

    /// <summary>The window turned round by half its length: the same smiles, half a window away from where they were.</summary>
    private static double[] HalfTurned(double[] window)
    {
        var half = window.Length / 2;
        return [.. window[half..], .. window[..half]];
    }

    private static ChannelReading Missing => new(LiveChannel.Smiles, double.NaN, 0, double.NaN, double.NaN, null, ChannelState.NoData);
}
