using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// Live posture mirroring and gesture synchrony from the body grid: on each update, A's last window against B's
/// mirror image (posture, as positions) and against B's motion energy (gesture, as its rises and falls) over lags
/// outside the coincidence band, plus surrogate readings of the same window into each channel's baseline pool
/// (<see cref="ChanceAlignment"/> gives the rule and why).
/// </summary>
internal sealed class BodyChannels
{
    private readonly LiveBodyLayout _layout;
    private readonly LiveCoordinationOptions _options;
    private readonly BodyHistory _history;
    private readonly SurrogateIndex _posture;
    private readonly SurrogateIndex _gesture;
    private readonly int _window;
    private readonly int _span;
    private readonly int _maxLag;
    private readonly int _minimumLag;
    private readonly int _minimumPairs;
    private readonly int _eventMargin;
    private long _surrogateCount;

    public BodyChannels(LiveBodyLayout layout, LiveCoordinationOptions options)
    {
        _layout = layout;
        _options = options;
        _window = Samples(options.BodyWindowSeconds);
        _span = Samples(options.ChangeSeconds);
        _maxLag = Samples(options.BodyLagSeconds);
        // The band is open: a lag of exactly the band is searched.
        _minimumLag = Math.Min(_maxLag, (int)Math.Ceiling(options.CoincidenceSeconds * layout.SampleRate - 1e-9));
        _minimumPairs = Math.Max(3, (int)(_window * options.MinimumCoverage / 2));
        // A tracker's smoothing can spread an event beyond the span that stands out: flatten a span either side too.
        _eventMargin = _span;
        _history = new BodyHistory(layout.Width, _window + 1);
        // Each surrogate already looks a whole window back; a pool over a few more seconds of updates keeps what the
        // index is judged against the relation of now, not of a stretch that differed.
        var pool = options.BodySurrogatesPerUpdate * Math.Max(1, (int)Math.Round(options.BodyPoolSeconds / options.UpdateSeconds));
        _posture = new SurrogateIndex(pool, Math.Min(pool, options.MinimumSurrogates), options.SmoothingSeconds);
        _gesture = new SurrogateIndex(pool, Math.Min(pool, options.MinimumSurrogates), options.SmoothingSeconds);
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
        var a = _layout.PostureIndices.Select(i => Steps(Participant.A, i)).ToArray();
        var mirrored = Mirror();
        ChanceAlignment.DropSharedEvents(a, mirrored, _span, _eventMargin);
        var levelsA = ChanceAlignment.Levels(a);
        var levelsB = ChanceAlignment.Levels(mirrored);
        var match = Compare(levelsA, levelsB, mirrored, ChanceAlignment.Levels, _posture);
        // Copying within the coincidence band is judged on its own: too fast to be told from a frame-wide event as
        // mirroring, but near-identical copying sustained over a whole window is what the overshoot guard is for.
        var copy = LaggedMatch.Find(levelsA, levelsB, Math.Max(0, _minimumLag - 1), _minimumPairs);
        var overshoot = copy.Similarity >= _options.OvershootSimilarity && Math.Abs(copy.LagSamples) / _layout.SampleRate <= _options.OvershootLagSeconds;
        Posture = Reading(LiveChannel.Posture, _posture, overshoot ? copy : match, time, overshoot);

        double[][] gestureA = [Steps(Participant.A, _layout.GestureIndex)];
        double[][] gestureB = [Steps(Participant.B, _layout.GestureIndex)];
        ChanceAlignment.DropSharedEvents(gestureA, gestureB, _span, _eventMargin);
        var gestureMatch = Compare(Changes(gestureA), Changes(gestureB), gestureB, Changes, _gesture);
        Gesture = Reading(LiveChannel.Gesture, _gesture, gestureMatch, time, overshoot: false);
        _surrogateCount++;
    }

    /// <summary>The body channels when the body stream has gone quiet (camera lost): no score is invented.</summary>
    public void MarkStale()
    {
        Posture = Missing(LiveChannel.Posture);
        Gesture = Missing(LiveChannel.Gesture);
    }

    /// <summary>
    /// The real reading of A against B, and surrogates into <paramref name="baseline"/>: B's steps played backwards,
    /// through the same <paramref name="shape"/> and the same lag search as the real reading.
    /// </summary>
    private LaggedMatch Compare(double[][] a, double[][] b, double[][] stepsB, Func<IReadOnlyList<double[]>, double[][]> shape, SurrogateIndex baseline)
    {
        for (var s = 0; s < _options.BodySurrogatesPerUpdate; s++)
        {
            var start = ChanceAlignment.Start(_surrogateCount * _options.BodySurrogatesPerUpdate + s, stepsB[0].Length);
            baseline.AddSurrogate(LaggedMatch.Find(a, shape(ChanceAlignment.Reversed(stepsB, start)), _maxLag, _minimumPairs, _minimumLag).Similarity);
        }

        return LaggedMatch.Find(a, b, _maxLag, _minimumPairs, _minimumLag);
    }

    private double[][] Changes(IReadOnlyList<double[]> steps) => ChanceAlignment.Changes(steps, _span);

    /// <summary>B's posture descriptor as its mirror image (left and right components swapped, sideways signs flipped), as steps.</summary>
    private double[][] Mirror()
    {
        var schema = _layout.Schema;
        var mirrored = new double[schema.Count][];
        for (var k = 0; k < schema.Count; k++)
        {
            var partner = Steps(Participant.B, _layout.PostureIndices[schema.MirrorIndex[k]]);
            if (schema.Components[k].FlipsSign)
                for (var t = 0; t < partner.Length; t++)
                    partner[t] = -partner[t];
            mirrored[k] = partner;
        }

        return mirrored;
    }

    private double[] Steps(Participant participant, int feature) => ChanceAlignment.Steps(_history.Window(participant, feature, _window + 1));

    private ChannelReading Reading(LiveChannel channel, SurrogateIndex baseline, LaggedMatch match, MediaTime time, bool overshoot)
    {
        if (double.IsNaN(match.Similarity) || match.Coverage < _options.MinimumCoverage)
        {
            baseline.Index(double.NaN, time);
            return Missing(channel) with { Confidence = Math.Round(match.Coverage, 3) };
        }

        var lag = match.LagSamples / _layout.SampleRate;
        var index = baseline.Index(match.Similarity, time);
        var confidence = match.Coverage * Math.Min(1.0, (double)baseline.Count / baseline.Capacity);
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
