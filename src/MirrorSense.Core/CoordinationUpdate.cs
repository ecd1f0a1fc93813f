using System.Collections.Immutable;

namespace MirrorSense.Core;

/// <summary>The channels of live feedback (MEASURES.md §3, §6), each with its own meter but attention, which has a panel.</summary>
public enum LiveChannel
{
    Posture,
    Gesture,
    Tone,
    Tempo,

    /// <summary>Shared smiles: one person's smile followed by the other's within seconds (needs faces).</summary>
    Smiles,

    /// <summary>Loudness matched across turns: each turn's level relative to the speaker's own, against the partner's turn before.</summary>
    Volume,

    /// <summary>Pitch liveliness matched across turns: each turn's pitch range against the partner's turn before.</summary>
    Inflection,

    /// <summary>
    /// Looking at the partner and nodding while they speak: no index of its own (it has no partner to be in step
    /// with), read in <see cref="AttentionReading"/>; named by the cues about it.
    /// </summary>
    Attention,
}

/// <summary>Where a channel's reading sits relative to its band (the trainee's own first minutes and the partner, not fixed norms).</summary>
public enum ChannelState
{
    /// <summary>Not enough data in the window (a participant not visible, nobody speaking): no score is invented.</summary>
    NoData,

    /// <summary>Still learning the band (the first minutes of the session).</summary>
    Calibrating,

    Low,
    InBand,
    High,

    /// <summary>Copying too exact or too fast, sustained: reported as its own state, not as more rapport.</summary>
    Overshoot,
}

/// <summary>
/// One channel's live reading. <paramref name="Index"/> is 0–100 against the channel's live surrogate baseline
/// (50 = what chance alignment of these two people gives), NaN when there is no reading; <paramref name="Confidence"/>
/// (0–1) falls when a participant is not visible or not speaking. <paramref name="Value"/> is the raw measure
/// (similarity or correlation) behind the index.
/// </summary>
/// <param name="LagSeconds">Best lag in the window; positive: B follows A. NaN when there is no reading.</param>
public sealed record ChannelReading(
    LiveChannel Channel,
    double Index,
    double Confidence,
    double Value,
    double LagSeconds,
    Participant? Leader,
    ChannelState State);

/// <summary>Who is talking now and how the conversation has gone so far (MEASURES.md §3, turn-taking).</summary>
/// <param name="TalkShareA">A's share of all speech so far, NaN when nobody has spoken.</param>
public sealed record ConversationReading(
    bool SpeakingA,
    bool SpeakingB,
    double TalkShareA,
    TimeSpan LongestMonologue,
    Participant? LongestMonologueBy,
    int InterruptionsA,
    int InterruptionsB,
    int BackchannelsA,
    int BackchannelsB)
{
    public static ConversationReading Silent { get; } = new(false, false, double.NaN, TimeSpan.Zero, null, 0, 0, 0, 0);
}

/// <summary>
/// Each person's attentiveness over the last <see cref="Span"/> (the Attention panel; MEASURES.md §6): how much of the
/// time their face was read they looked towards the partner, and how many nods they gave while the partner spoke.
/// Shares are NaN while a person's face has not been read; <see cref="LookingA"/>/<see cref="LookingB"/> is the newest
/// reading (null when the face is not read now).
/// </summary>
/// <param name="ListeningSecondsA">Seconds of the span in which B spoke (A listened), the time A's nods while listening are counted over.</param>
/// <param name="ReadShareA">Share of the span in which A's face was read: the confidence of A's looking share.</param>
public sealed record AttentionReading(
    TimeSpan Span,
    double LookingShareA,
    double LookingShareB,
    bool? LookingA,
    bool? LookingB,
    int NodsWhileListeningA,
    int NodsWhileListeningB,
    double ListeningSecondsA,
    double ListeningSecondsB,
    double ReadShareA,
    double ReadShareB)
{
    public double LookingShare(Participant who) => who == Participant.A ? LookingShareA : LookingShareB;

    public bool? Looking(Participant who) => who == Participant.A ? LookingA : LookingB;

    public int NodsWhileListening(Participant who) => who == Participant.A ? NodsWhileListeningA : NodsWhileListeningB;

    public double ListeningSeconds(Participant who) => who == Participant.A ? ListeningSecondsA : ListeningSecondsB;
}

/// <summary>What kind of nudge a cue is.</summary>
public enum CueKind
{
    /// <summary>Something going well, said so.</summary>
    Positive,

    /// <summary>A channel out of band for most of a window.</summary>
    Correction,

    /// <summary>The overshoot guard: copying too exact or too fast.</summary>
    EaseOff,
}

/// <summary>One short worded coaching cue, shown for <paramref name="ShowFor"/> from <paramref name="Time"/>.</summary>
public sealed record CoachingCue(MediaTime Time, LiveChannel Channel, CueKind Kind, string Text, TimeSpan ShowFor);

/// <summary>
/// One live update of the synchrony engine: every channel's reading, the conversation, and a cue when one fires.
/// <paramref name="BodyTime"/> and <paramref name="VoiceTime"/> are the media times of the newest body sample and the
/// newest voice frame the readings include (null before any arrived): latency is measured from them.
/// <see cref="Attention"/> is there when the body samples carry faces.
/// </summary>
public sealed record CoordinationUpdate(
    MediaTime Time,
    MediaTime? BodyTime,
    MediaTime? VoiceTime,
    ImmutableArray<ChannelReading> Channels,
    ConversationReading Conversation,
    CoachingCue? Cue)
{
    public AttentionReading? Attention { get; init; }

    public ChannelReading? this[LiveChannel channel] => Channels.FirstOrDefault(c => c.Channel == channel);
}
