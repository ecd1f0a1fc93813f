using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// Live posture mirroring and gesture synchrony from the body grid: on each update, A's last window against B's
/// mirror image (posture) and against B's motion energy (gesture) over ±lag, and the same match against surrogates of
/// B's current window into each channel's baseline pool: B's posture window reversed, negated, or both (three per
/// update, so the pool spans the last two seconds), B's motion energy with its Fourier phases randomised
/// (amplitude-adjusted, as offline; one per update). They move as B moves now, at times unrelated to A. Why B's current
/// window and not B's past: after a mirrored stretch B's past is A's own past, and A matched against itself reads as
/// far more similar than chance, so the independent stretch that followed read ~12 instead of 50.
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
    private readonly int _coincidence;
    private long _updates;

    public BodyChannels(LiveBodyLayout layout, LiveCoordinationOptions options)
    {
        _layout = layout;
        _options = options;
        _window = Samples(options.BodyWindowSeconds);
        _maxLag = Samples(options.BodyLagSeconds);
        _coincidence = (int)Math.Round(options.CoincidenceSeconds * layout.SampleRate);
        _history = new BodyHistory(layout.Width, _window);
        _posture = new SurrogateIndex(options.SurrogatePool, options.MinimumSurrogates, options.SmoothingSeconds);
        _gesture = new SurrogateIndex(options.SurrogatePool, options.MinimumSurrogates, options.SmoothingSeconds);
        Posture = Missing(LiveChannel.Posture);
        Gesture = Missing(LiveChannel.Gesture);
    }

    public MediaTime? Newest => _history.Newest;

    public ChannelReading Posture { get; private set; }

    public ChannelReading Gesture { get; private set; }

    public void Add(FeatureSample sample)
    {
        if (!sample.Schema.Equals(_layout.Features))
            throw new ArgumentException($"The body sample at {sample.Time} has the features {sample.Schema}, not the layout's {_layout.Features}.", nameof(sample));
        _history.Add(sample);
    }

    /// <summary>Recomputes both channels from the history as it stands.</summary>
    public void Update(MediaTime time)
    {
        var minimumPairs = Math.Max(3, (int)(_window * _options.MinimumCoverage / 2));
        // Each update draws its own phases; the seed and the update's number make a session reproducible.
        var seed = unchecked((int)(_options.Seed * 1_000_003L + _updates++));

        var a = _layout.PostureIndices.Select(i => _history.Window(Participant.A, i, _window)).ToArray();
        var mirrored = Mirror();
        var (match, negated) = LaggedMatch.FindWithNegated(a, mirrored, _maxLag, minimumPairs);
        if (!double.IsNaN(match.Similarity))
        {
            var (reversed, reversedNegated) = LaggedMatch.FindWithNegated(a, Reversed(mirrored), _maxLag, minimumPairs);
            _posture.AddSurrogate(negated.Similarity);
            _posture.AddSurrogate(reversed.Similarity);
            _posture.AddSurrogate(reversedNegated.Similarity);
        }

        var overshoot = match.Similarity >= _options.OvershootSimilarity && Math.Abs(match.LagSamples) / _layout.SampleRate <= _options.OvershootLagSeconds;
        Posture = Reading(LiveChannel.Posture, _posture, match, time, overshoot);

        double[][] gestureA = [Compressed(_history.Window(Participant.A, _layout.GestureIndex, _window))];
        double[][] gestureB = [Compressed(_history.Window(Participant.B, _layout.GestureIndex, _window))];
        var gestureMatch = LaggedMatch.Find(gestureA, gestureB, _maxLag, minimumPairs, _coincidence);
        if (!double.IsNaN(gestureMatch.Similarity))
            _gesture.AddSurrogate(LaggedMatch.Find(gestureA, [PhaseRandomised(gestureB[0], seed)], _maxLag, minimumPairs, _coincidence).Similarity);
        Gesture = Reading(LiveChannel.Gesture, _gesture, gestureMatch, time, overshoot: false);
    }

    /// <summary>
    /// B's window played backwards: exactly as slow, as rough and as unevenly active as B is now, posture parts
    /// together, but no longer in step with A. With B upside down and both, three surrogates per update. Fourier
    /// surrogates keep the spectrum but spread B's activity evenly over the window; on real pose, where people move in
    /// bursts, they matched A less well than B did and independent people read 57–60 (measured on the body corpus:
    /// 50.5 with these three).
    /// </summary>
    private static double[][] Reversed(double[][] channels) =>
        [.. channels.Select(channel => channel.Reverse().ToArray())];

    /// <summary>
    /// Motion energy on a log scale: a brightness jump or a dropped frame gives both people tens of times their usual
    /// pixel motion in one frame (measured on the flicker nulls), and on a linear scale those few frames decide the
    /// correlation of a whole window.
    /// </summary>
    private static double[] Compressed(double[] energy)
    {
        for (var t = 0; t < energy.Length; t++)
            energy[t] = Math.Log(1 + Math.Max(0, energy[t]));
        return energy;
    }

    /// <summary>B's motion energy with its timing randomised, its spectrum and its distribution of values kept (bursty, skewed: amplitude-adjusted).</summary>
    private static double[] PhaseRandomised(double[] energy, int seed) =>
        [.. new PhaseRandomisation(seed, amplitudeAdjusted: true).Create([ImmutableArray.Create(energy)], 1).Single()[0]];

    /// <summary>The body channels when the body stream has gone quiet (camera lost): no score is invented.</summary>
    public void MarkStale()
    {
        Posture = Missing(LiveChannel.Posture);
        Gesture = Missing(LiveChannel.Gesture);
    }

    /// <summary>B's posture descriptor as its mirror image: left and right components swapped, sideways signs flipped.</summary>
    private double[][] Mirror()
    {
        var schema = _layout.Schema;
        var mirrored = new double[schema.Count][];
        for (var k = 0; k < schema.Count; k++)
        {
            var partner = _history.Window(Participant.B, _layout.PostureIndices[schema.MirrorIndex[k]], _window);
            if (schema.Components[k].FlipsSign)
                for (var t = 0; t < partner.Length; t++)
                    partner[t] = -partner[t];
            mirrored[k] = partner;
        }

        return mirrored;
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
