using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// Live posture mirroring and gesture synchrony from the body grid: on each update, A's last window against B's
/// mirror image (posture) and against B's motion energy (gesture) over ±lag, plus one surrogate per channel (B's
/// window from at least <see cref="LiveCoordinationOptions.SurrogateShiftSeconds"/> earlier) into the baseline pool.
/// </summary>
internal sealed class BodyChannels
{
    private readonly LiveBodyLayout _layout;
    private readonly LiveCoordinationOptions _options;
    private readonly BodyHistory _history;
    private readonly SurrogateIndex _posture;
    private readonly SurrogateIndex _gesture;
    private readonly int _window;
    private readonly int _maxLag;
    private readonly int _minimumShift;
    private long _surrogateCount;

    public BodyChannels(LiveBodyLayout layout, LiveCoordinationOptions options)
    {
        _layout = layout;
        _options = options;
        _window = Samples(options.BodyWindowSeconds);
        _maxLag = Samples(options.BodyLagSeconds);
        _minimumShift = Samples(options.SurrogateShiftSeconds);
        _history = new BodyHistory(layout.Width, Samples(options.HistorySeconds));
        _posture = new SurrogateIndex(options.SurrogatePool, options.MinimumSurrogates, options.SmoothingSeconds);
        _gesture = new SurrogateIndex(options.SurrogatePool, options.MinimumSurrogates, options.SmoothingSeconds);
        Posture = Missing(LiveChannel.Posture);
        Gesture = Missing(LiveChannel.Gesture);
    }

    public MediaTime? Newest => _history.Newest;

    public ChannelReading Posture { get; private set; }

    public ChannelReading Gesture { get; private set; }

    public void Add(FeatureSample sample) => _history.Add(sample);

    /// <summary>Recomputes both channels from the history as it stands.</summary>
    public void Update(MediaTime time)
    {
        var minimumPairs = Math.Max(3, (int)(_window * _options.MinimumCoverage / 2));
        var shift = NextShift();

        var a = _layout.PostureIndices.Select(i => _history.Window(Participant.A, i, _window)).ToArray();
        var mirrored = Mirror(0);
        var match = LaggedMatch.Find(a, mirrored, _maxLag, minimumPairs);
        if (shift is { } back)
            _posture.AddSurrogate(LaggedMatch.Find(a, Mirror(back), _maxLag, minimumPairs).Similarity);
        var overshoot = match.Similarity >= _options.OvershootSimilarity && Math.Abs(match.LagSamples) / _layout.SampleRate <= _options.OvershootLagSeconds;
        Posture = Reading(LiveChannel.Posture, _posture, match, time, overshoot);

        double[][] gestureA = [_history.Window(Participant.A, _layout.GestureIndex, _window)];
        var gestureMatch = LaggedMatch.Find(gestureA, [_history.Window(Participant.B, _layout.GestureIndex, _window)], _maxLag, minimumPairs);
        if (shift is { } gestureBack)
            _gesture.AddSurrogate(LaggedMatch.Find(gestureA, [_history.Window(Participant.B, _layout.GestureIndex, _window, gestureBack)], _maxLag, minimumPairs).Similarity);
        Gesture = Reading(LiveChannel.Gesture, _gesture, gestureMatch, time, overshoot: false);
    }

    /// <summary>The body channels when the body stream has gone quiet (camera lost): no score is invented.</summary>
    public void MarkStale()
    {
        Posture = Missing(LiveChannel.Posture);
        Gesture = Missing(LiveChannel.Gesture);
    }

    /// <summary>B's posture descriptor as its mirror image: left and right components swapped, sideways signs flipped.</summary>
    private double[][] Mirror(int back)
    {
        var schema = _layout.Schema;
        var mirrored = new double[schema.Count][];
        for (var k = 0; k < schema.Count; k++)
        {
            var partner = _history.Window(Participant.B, _layout.PostureIndices[schema.MirrorIndex[k]], _window, back);
            if (schema.Components[k].FlipsSign)
                for (var t = 0; t < partner.Length; t++)
                    partner[t] = -partner[t];
            mirrored[k] = partner;
        }

        return mirrored;
    }

    /// <summary>
    /// How far back the partner's surrogate window lies: spread over everything the history allows beyond the
    /// minimum shift (a golden-ratio walk, so the pool never dwells on one offset); null until the history holds one.
    /// </summary>
    private int? NextShift()
    {
        var room = _history.Held - _window - _minimumShift;
        if (room < 0)
            return null;
        var fraction = (_surrogateCount++ * 0.6180339887498949) % 1.0;
        return _minimumShift + (int)(fraction * (room + 1));
    }

    private ChannelReading Reading(LiveChannel channel, SurrogateIndex baseline, LaggedMatch match, MediaTime time, bool overshoot)
    {
        if (double.IsNaN(match.Similarity) || match.Coverage < _options.MinimumCoverage)
        {
            baseline.Index(double.NaN, time);
            return Missing(channel) with { Confidence = Math.Round(match.Coverage, 3) };
        }

        var lag = match.LagSamples / _layout.SampleRate;
        var index = baseline.Index(match.Similarity, time);
        var confidence = match.Coverage * Math.Min(1.0, (double)baseline.Count / _options.SurrogatePool);
        var state = double.IsNaN(index) ? ChannelState.Calibrating : overshoot ? ChannelState.Overshoot : ChannelState.InBand;
        return new ChannelReading(channel, index, confidence, match.Similarity, lag, LiveLeader.Of(index, lag), state);
    }

    private static ChannelReading Missing(LiveChannel channel) => new(channel, double.NaN, 0, double.NaN, double.NaN, null, ChannelState.NoData);

    private int Samples(double seconds) => Math.Max(1, (int)Math.Round(seconds * _layout.SampleRate));
}

/// <summary>Who leads, said only when the reading beats most chance alignments: a lag on noise names no one.</summary>
internal static class LiveLeader
{
    public const double MinimumIndex = 75;

    public static Participant? Of(double index, double lagSeconds) =>
        index >= MinimumIndex ? SurrogateTest.LeaderAt(lagSeconds) : null;
}
