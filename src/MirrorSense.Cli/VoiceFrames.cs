using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Cli;

/// <summary>The prosody analyzer's frames as the neutral ones the measures and the tables take (Prosody knows neither).</summary>
internal static class VoiceFrames
{
    public static VoiceFrame ToVoiceFrame(this ProsodyFrame frame) => new(frame.Time, frame.FrequencyHz, frame.IntensityDb);
}
