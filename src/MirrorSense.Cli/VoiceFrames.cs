using MirrorSense.Core;
using MirrorSense.Prosody;
using MirrorSense.Sessions.Voice;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Cli;

/// <summary>The prosody analyzer's records as the neutral ones the measures and the tables take (Prosody knows neither).</summary>
internal static class VoiceFrames
{
    public static VoiceFrame ToVoiceFrame(this ProsodyFrame frame) => new(frame.Time, frame.FrequencyHz, frame.IntensityDb);

    public static SpeechUnitRow ToUnitRow(this UnitFeatures unit, Participant? speaker = null) =>
        new(speaker, unit.Start, unit.End, unit.MeanPitchSemitones, unit.MeanIntensityDb, unit.Syllables);
}
