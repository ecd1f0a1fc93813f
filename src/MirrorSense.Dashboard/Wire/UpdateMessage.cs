using MirrorSense.Core;
using MirrorSense.Synchrony.Live;

namespace MirrorSense.Dashboard.Wire;

/// <summary>
/// The `update` event: every channel and the conversation at one engine update. <paramref name="CapturedMs"/> is the
/// capture instant of the newest body or voice input the readings include, null before any input arrived.
/// The update's cue, if any, goes out as its own `cue` event (<see cref="CueMessage"/>).
/// </summary>
internal sealed record UpdateMessage(
    double TimeS,
    long? CapturedMs,
    IReadOnlyList<ChannelMessage> Channels,
    ConversationMessage Conversation)
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
            newest is { } time ? feed.CapturedUnixMs(time) : null,
            [.. update.Channels.Select(ChannelMessage.From)],
            ConversationMessage.From(update.Conversation));
    }
}
