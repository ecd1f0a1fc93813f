using MirrorSense.Core;

namespace MirrorSense.Dashboard.Tests;

/// <summary>Coordination updates built from a few numbers, as the engine would emit them.</summary>
internal static class Readings
{
    /// <summary>All four channels in band with <paramref name="index"/>, A leading posture by 0.8 s; body and voice input up to <paramref name="seconds"/>.</summary>
    public static CoordinationUpdate Update(double seconds, double index, CoachingCue? cue = null, double talkShareA = 0.55) => new(
        MediaTime.FromSeconds(seconds),
        MediaTime.FromSeconds(seconds - 0.1),
        MediaTime.FromSeconds(seconds - 0.05),
        [
            new ChannelReading(LiveChannel.Posture, index, 0.8, 0.6, 0.8, Participant.A, ChannelState.InBand),
            new ChannelReading(LiveChannel.Gesture, Math.Min(100, index + 10), 0.6, 0.4, -0.4, Participant.B, ChannelState.High),
            new ChannelReading(LiveChannel.Tone, Math.Max(0, index - 20), 0.3, 0.2, 0.0, null, ChannelState.Low),
            new ChannelReading(LiveChannel.Tempo, double.NaN, 0, double.NaN, double.NaN, null, ChannelState.NoData),
        ],
        new ConversationReading(true, false, talkShareA, TimeSpan.FromSeconds(42), Participant.A, 2, 1, 5, 7),
        cue);

    public static CoachingCue Cue(double seconds, string text) =>
        new(MediaTime.FromSeconds(seconds), LiveChannel.Posture, CueKind.Positive, text, TimeSpan.FromSeconds(4));

    public static CaptureHealth Health(double seconds, long captured, long dropped) => new(
        MediaTime.FromSeconds(seconds),
        [new SourceStatus("/dev/video0", "camera", true, null), new SourceStatus("default", "microphone", false, "no signal")],
        captured,
        dropped,
        31.5);
}
