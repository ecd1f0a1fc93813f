using MirrorSense.Core;
using MirrorSense.Synchrony.Conversation;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// Live voice coordination and the conversation: tone from both speakers' 1 Hz pitch contours over a window and ±lag
/// (surrogate: B's contour from an earlier stretch); tempo, volume and inflection as proximity of each unit's speech
/// rate, voiced loudness and pitch range — adjacent units across a change of speaker against non-adjacent pairs
/// (MEASURES.md §3, the quantities the offline turn-level tests compare); turn-taking from the speech stretches so far.
/// </summary>
internal sealed class VoiceChannels : ISpeechTimeline
{
    /// <summary>Voiced frames are kept this long for the units still to come: a unit ends a pause before it arrives, and few last longer.</summary>
    private const double VoicingSeconds = 60;

    private readonly LiveCoordinationOptions _options;
    private readonly ToneContour _toneA;
    private readonly ToneContour _toneB;
    private readonly SurrogateIndex _tone;
    private readonly TurnProximity _tempo;
    private readonly TurnProximity _volume;
    private readonly TurnProximity _inflection;
    private readonly RecentVoicing _voicingA = new(VoicingSeconds);
    private readonly RecentVoicing _voicingB = new(VoicingSeconds);
    private readonly SpeechActivity _speechA;
    private readonly SpeechActivity _speechB;
    private readonly TurnTaking _turnTaking = new(new TurnTakingOptions());
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
        _tempo = new TurnProximity(LiveChannel.Tempo, unit => unit.SyllablesPerSecond, options);
        _volume = new TurnProximity(LiveChannel.Volume, unit => Voicing(unit.SpeakerInDyad).VoicedLoudnessDb(unit), options);
        _inflection = new TurnProximity(LiveChannel.Inflection, unit => Voicing(unit.SpeakerInDyad).PitchRangeSemitones(unit), options);
        _speechA = new SpeechActivity(Participant.A, options.SpeechGapSeconds);
        _speechB = new SpeechActivity(Participant.B, options.SpeechGapSeconds);
        Tone = Missing(LiveChannel.Tone);
    }

    public MediaTime? Newest { get; private set; }

    public ChannelReading Tone { get; private set; }

    public ChannelReading Tempo => _tempo.Reading;

    public ChannelReading Volume => _volume.Reading;

    public ChannelReading Inflection => _inflection.Reading;

    public ConversationReading Conversation { get; private set; } = ConversationReading.Silent;

    public void Add(SpokenFrame spoken)
    {
        var voiced = !double.IsNaN(spoken.Frame.FrequencyHz) && spoken.Frame.FrequencyHz > 0;
        (spoken.Speaker == Participant.A ? _toneA : _toneB).Add(spoken.Frame);
        (spoken.Speaker == Participant.A ? _speechA : _speechB).Add(spoken.Time, voiced);
        Voicing(spoken.Speaker).Add(spoken.Frame);
        if (Newest is null || spoken.Time > Newest)
            Newest = spoken.Time;
    }

    public void Add(SpeechUnit unit)
    {
        _tempo.Add(unit);
        _volume.Add(unit);
        _inflection.Add(unit);
    }

    public void Update(MediaTime now)
    {
        UpdateTone(now);
        _tempo.Update(now);
        _volume.Update(now);
        _inflection.Update(now);
        UpdateConversation(now);
    }

    public bool SpokeAt(Participant speaker, MediaTime time) => Speech(speaker).SpokeAt(time);

    public double SecondsSpoken(Participant speaker, MediaTime from, MediaTime to) => Speech(speaker).SecondsSpoken(from, to);

    private SpeechActivity Speech(Participant speaker) => speaker == Participant.A ? _speechA : _speechB;

    private RecentVoicing Voicing(Participant speaker) => speaker == Participant.A ? _voicingA : _voicingB;

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
