using MirrorSense.Core;

namespace MirrorSense.Dashboard.Wire;

/// <summary>
/// The `update` event: every channel, the conversation and (with faces) the attention at one engine update. <paramref name="CapturedMs"/> is the
/// capture instant of the newest body or voice input the readings include, null before any input arrived;
/// <paramref name="BodyCapturedMs"/> and <paramref name="VoiceCapturedMs"/> are the same per modality, so a client can
/// tell which input an update answers and measure body and voice latency apart (their targets differ).
/// The update's cue, if any, goes out as its own `cue` event (<see cref="CueMessage"/>).
/// </summary>
internal sealed record UpdateMessage(
    double TimeS,
    long? CapturedMs,
    long? BodyCapturedMs,
    long? VoiceCapturedMs,
    IReadOnlyList<ChannelMessage> Channels,
    ConversationMessage Conversation,
    AttentionMessage? Attention)
{
    public static UpdateMessage From(CoordinationUpdate update, DashboardFeed feed)
    {
        MediaTime? newest = (update.BodyTime, update.VoiceTime) switch
        {
            ({ } body, { } voice) => body > voice ? body : voice,
            ({ } body, null) => body,
            (null, { } voice) => voice,
            _ => null,
        };
        return new UpdateMessage(
            update.Time.Seconds,
            Captured(newest, feed),
            Captured(update.BodyTime, feed),
            Captured(update.VoiceTime, feed),
            [.. update.Channels.Select(ChannelMessage.From)],
            ConversationMessage.From(update.Conversation),
            update.Attention is { } attention ? AttentionMessage.From(attention) : null);
    }

    private static long? Captured(MediaTime? time, DashboardFeed feed) => time is { } t ? feed.CapturedUnixMs(t) : null;
}
