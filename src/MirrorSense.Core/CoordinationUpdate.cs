using System.Collections.Immutable;

namespace MirrorSense.Core;

/// <summary>The four channels of live feedback (MEASURES.md §3), each with its own meter.</summary>
public enum LiveChannel
{
    Posture,
    Gesture,
    Tone,
    Tempo,
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
/// </summary>
public sealed record CoordinationUpdate(
    MediaTime Time,
    MediaTime? BodyTime,
    MediaTime? VoiceTime,
    ImmutableArray<ChannelReading> Channels,
    ConversationReading Conversation,
    CoachingCue? Cue)
{
    public ChannelReading? this[LiveChannel channel] => Channels.FirstOrDefault(c => c.Channel == channel);
}
