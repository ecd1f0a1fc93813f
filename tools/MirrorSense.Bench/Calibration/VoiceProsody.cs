using MirrorSense.Core;
using MirrorSense.Prosody;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Bench.Calibration;

/// <summary>
/// One channel of a designed recording through the prosody analyzer as <c>mirrorsense analyze</c> runs it on a file:
/// the whole signal summarised first (Praat's frame grid and global peak), then streamed in half-second blocks with
/// units, and read back as the <see cref="SpeakerVoice"/> the coordination measures take.
/// </summary>
internal static class VoiceProsody
{
    private const double BlockSeconds = 0.5;

    public static SpeakerVoice Analyse(Participant speaker, float[] samples, int sampleRate)
    {
        var summary = new SignalSummary();
        summary.Add(samples);
        var analyzer = new ProsodyAnalyzer(sampleRate, new PitchOptions(), summary, units: true);
        var frames = new List<ProsodyFrame>();
        var block = (int)(BlockSeconds * sampleRate);
        for (var first = 0; first < samples.Length; first += block)
            frames.AddRange(analyzer.Process(samples.AsSpan(first, Math.Min(block, samples.Length - first)), MediaTime.OfSample(first, sampleRate)));
        frames.AddRange(analyzer.Complete());
        return SpeakerVoice.FromFrames(
            speaker,
            [.. frames.Select(f => new ProsodyFrame(f.Time, f.FrequencyHz, f.IntensityDb))],
            [.. analyzer.CompleteUnits().Select(u => u with { Speaker = speaker })]);
    }
}
