using MirrorSense.Core;
using MirrorSense.Prosody;
using MirrorSense.Sessions.Prosody;

namespace MirrorSense.Cli;

/// <summary>
/// One participant's voice from a recording's prosody.csv, for a session recorded without raw audio: the pitch and
/// intensity frames as recorded, and inter-pausal units cut from the intensity column. Syllable nuclei need the
/// waveform, so the units have no speech rate: tempo stays missing rather than being made up.
/// </summary>
internal static class RecordedVoiceSide
{
    public static VoiceSideResult Run(AnalyzeRequest request, VoiceInput.RecordedFrames recorded, Participant speaker)
    {
        var frames = ProsodyCsvReader.ReadFrames(recorded.Path, speaker, recorded.CompleteLength)
            .Where(f => request.Includes(f.Time))
            .Select(f => new ProsodyFrame(f.Time, f.FrequencyHz, f.IntensityDb))
            .ToList();
        var warnings = new List<string>();
        if (frames.Count == 0)
        {
            warnings.Add($"voice {speaker}: {recorded.Path} has no frames of {speaker} in the analysed span.");
            return new VoiceSideResult(speaker, frames, [], TimeSpan.Zero, warnings) { HasSpeechRate = false };
        }

        // A frame without intensity (an empty cell) says nothing about pauses; it must not poison the running maximum.
        var pauses = InterPausalUnitDetector.Find(frames.Where(f => double.IsFinite(f.IntensityDb)).Select(f => new IntensityFrame(f.Time, f.IntensityDb)));
        var units = UnitFeatureCalculator.Compute(pauses, frames, nuclei: []).Select(u => u with { Speaker = speaker }).ToList();
        warnings.Add($"voice {speaker}: from {recorded.Path} (no raw audio was recorded): tone from its pitch frames and {units.Count} units cut at its pauses; tempo needs syllable rates, which need the audio itself (record with --raw-media).");
        return new VoiceSideResult(speaker, frames, units, frames[^1].Time - frames[0].Time, warnings) { HasSpeechRate = false };
    }
}
