using MirrorSense.Core;
using MirrorSense.Synchrony.Conversation;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// Live tone and tempo coordination and the conversation: tone from both speakers' 1 Hz pitch contours over a
/// window and ±lag (surrogate: B's contour from an earlier stretch); tempo as proximity of speech rate — adjacent
/// units across a change of speaker against non-adjacent pairs (MEASURES.md §3); turn-taking from the speech
/// stretches so far.
/// </summary>
internal sealed class VoiceChannels
{
    private readonly LiveCoordinationOptions _options;
    private readonly ToneContour _toneA;
    private readonly ToneContour _toneB;
    private readonly SurrogateIndex _tone;
    private readonly SurrogateIndex _tempo;
    private readonly SpeechActivity _speechA;
    private readonly SpeechActivity _speechB;
    private readonly TurnTaking _turnTaking = new(new TurnTakingOptions());
    private readonly List<SpeechUnit> _units = [];
    private readonly int _toneWindow;
    private readonly int _toneLag;
    private readonly int _toneShift;
    private long _toneSecond = -1;
    private long _toneSurrogates;

    public VoiceChannels(LiveCoordinationOptions options)
    {
        _options = options;
        _toneWindow = (int)Math.Round(options.ToneWindowSeconds);
        _toneLag = (int)Math.Round(options.ToneLagSeconds);
        // A surrogate contour must not share a pitch frame with the real one at any lag.
        _toneShift = (int)Math.Ceiling(options.ToneFrameSeconds) + _toneLag + 1;
        var capacity = 3 * _toneWindow + _toneShift + (int)Math.Ceiling(options.ToneFrameSeconds);
        _toneA = new ToneContour((int)Math.Ceiling(options.ToneFrameSeconds), capacity);
        _toneB = new ToneContour((int)Math.Ceiling(options.ToneFrameSeconds), capacity);
        _tone = new SurrogateIndex(options.SurrogatePool, options.MinimumSurrogates, 0);
        _tempo = new SurrogateIndex(options.SurrogatePool * 4, options.MinimumSurrogates, 0);
        _speechA = new SpeechActivity(Participant.A, options.SpeechGapSeconds);
        _speechB = new SpeechActivity(Participant.B, options.SpeechGapSeconds);
        Tone = Missing(LiveChannel.Tone);
        Tempo = Missing(LiveChannel.Tempo);
    }

    public MediaTime? Newest { get; private set; }

    public ChannelReading Tone { get; private set; }

    public ChannelReading Tempo { get; private set; }

    public ConversationReading Conversation { get; private set; } = ConversationReading.Silent;

    public void Add(SpokenFrame spoken)
    {
        var voiced = !double.IsNaN(spoken.Frame.FrequencyHz) && spoken.Frame.FrequencyHz > 0;
        (spoken.Speaker == Participant.A ? _toneA : _toneB).Add(spoken.Frame);
        (spoken.Speaker == Participant.A ? _speechA : _speechB).Add(spoken.Time, voiced);
        if (Newest is null || spoken.Time > Newest)
            Newest = spoken.Time;
    }

    public void Add(SpeechUnit unit)
    {
        _units.Add(unit);
        // Only what tempo's window and its non-adjacent pairs need is kept.
        if (_units.Count > 400)
            _units.RemoveRange(0, _units.Count - 400);
        AddTempoSurrogates(unit);
    }

    public void Update(MediaTime now)
    {
        UpdateTone(now);
        UpdateTempo(now);
        UpdateConversation(now);
    }

    private void UpdateTone(MediaTime now)
    {
        var second = (long)Math.Floor(now.Seconds) - 1;   // the last whole second
        if (second <= _toneSecond)
            return;
        _toneSecond = second;
        _toneA.Advance(second);
        _toneB.Advance(second);
        var a = _toneA.Window(second, _toneWindow);
        var match = LaggedMatch.Find([a], [_toneB.Window(second, _toneWindow)], _toneLag, Math.Max(3, (int)(_toneWindow * _options.MinimumCoverage / 2)));
        var room = second + 1 - _toneWindow - _toneShift;
        if (room >= 0)
        {
            var fraction = (_toneSurrogates++ * 0.6180339887498949) % 1.0;
            var maxBack = Math.Min(room, 2 * _toneWindow);
            var back = _toneShift + (long)(fraction * (maxBack + 1));
            _tone.AddSurrogate(LaggedMatch.Find([a], [_toneB.Window(second - back, _toneWindow)], _toneLag, Math.Max(3, (int)(_toneWindow * _options.MinimumCoverage / 2))).Similarity);
        }

        if (double.IsNaN(match.Similarity) || match.Coverage < _options.MinimumCoverage)
        {
            Tone = Missing(LiveChannel.Tone) with { Confidence = Math.Round(match.Coverage, 3) };
            return;
        }

        var index = _tone.Index(match.Similarity, now);
        Tone = new ChannelReading(LiveChannel.Tone, index, match.Coverage * Math.Min(1.0, (double)_tone.Count / _options.SurrogatePool),
            match.Similarity, match.LagSamples, LiveLeader.Of(index, match.LagSamples), double.IsNaN(index) ? ChannelState.Calibrating : ChannelState.InBand);
    }

    /// <summary>Differences of speech rate between the new unit and the partner's units far from it in time: chance pairings.</summary>
    private void AddTempoSurrogates(SpeechUnit unit)
    {
        if (!double.IsFinite(unit.SyllablesPerSecond))
            return;
        foreach (var other in _units)
            if (other.SpeakerInDyad != unit.SpeakerInDyad && double.IsFinite(other.SyllablesPerSecond)
                && Math.Abs((other.End - unit.End).TotalSeconds) > _options.TempoWindowSeconds)
                _tempo.AddSurrogate(-Math.Abs(other.SyllablesPerSecond - unit.SyllablesPerSecond));
    }

    /// <summary>Proximity: the mean rate difference of adjacent units across a change of speaker in the window (negated, so closer is higher).</summary>
    private void UpdateTempo(MediaTime now)
    {
        var from = now - TimeSpan.FromSeconds(_options.TempoWindowSeconds);
        var recent = _units.Where(u => u.End >= from && double.IsFinite(u.SyllablesPerSecond)).OrderBy(u => u.Start).ToList();
        var differences = new List<double>();
        for (var i = 1; i < recent.Count; i++)
            if (recent[i].SpeakerInDyad != recent[i - 1].SpeakerInDyad)
                differences.Add(Math.Abs(recent[i].SyllablesPerSecond - recent[i - 1].SyllablesPerSecond));
        if (differences.Count == 0)
        {
            Tempo = Missing(LiveChannel.Tempo);
            return;
        }

        var closeness = -differences.Average();
        var index = _tempo.Index(closeness, now);
        Tempo = new ChannelReading(LiveChannel.Tempo, index, Math.Min(1.0, differences.Count / 4.0) * Math.Min(1.0, (double)_tempo.Count / _options.MinimumSurrogates),
            -closeness, double.NaN, null, double.IsNaN(index) ? ChannelState.Calibrating : ChannelState.InBand);
    }

    private void UpdateConversation(MediaTime now)
    {
        var stretches = _speechA.Closed.Concat(_speechB.Closed).ToList();
        if (_speechA.Open is { } openA)
            stretches.Add(openA);
        if (_speechB.Open is { } openB)
            stretches.Add(openB);
        if (stretches.Count == 0)
        {
            Conversation = ConversationReading.Silent with { SpeakingA = _speechA.SpeakingAt(now), SpeakingB = _speechB.SpeakingAt(now) };
            return;
        }

        var turns = _turnTaking.Analyse(stretches.OrderBy(s => s.Start));
        var longest = turns.LongestMonologue;
        Conversation = new ConversationReading(
            _speechA.SpeakingAt(now),
            _speechB.SpeakingAt(now),
            turns.TalkShareA,
            longest?.Duration ?? TimeSpan.Zero,
            longest?.Speaker,
            turns.Interruptions(Participant.A),
            turns.Interruptions(Participant.B),
            turns.Backchannels(Participant.A),
            turns.Backchannels(Participant.B));
    }

    private static ChannelReading Missing(LiveChannel channel) => new(channel, double.NaN, 0, double.NaN, double.NaN, null, ChannelState.NoData);
}
