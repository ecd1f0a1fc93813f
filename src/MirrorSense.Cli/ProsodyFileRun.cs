using MirrorSense.Capture;
using MirrorSense.Prosody;

namespace MirrorSense.Cli;

/// <summary>What <c>mirrorsense prosody</c> was asked to do.</summary>
internal sealed record ProsodyRequest(string Audio, string Output, ChannelSelection Channel, PitchOptions Pitch, string? UnitsPath);

/// <summary>What a prosody run produced, for the summary line and warnings.</summary>
internal sealed record ProsodyOutcome(long Frames, long VoicedFrames, TimeSpan Duration, int? Units, IReadOnlyList<string> Warnings);

/// <summary>
/// Composes a file's prosody run: a first streaming pass learns the length and global peak (so frames match Praat's
/// whole-sound analysis), a second pass streams blocks through a <see cref="ProsodyAnalyzer"/> into the CSV. Neither
/// pass holds the recording in memory.
/// </summary>
internal static class ProsodyFileRun
{
    private static readonly TimeSpan BlockDuration = TimeSpan.FromSeconds(0.5);

    public static ProsodyOutcome Run(ProsodyRequest request, IProgress<double>? progress)
    {
        var summary = new SignalSummary();
        int sampleRate;
        using (var first = AudioFile.OpenMono(request.Audio, request.Channel))
        {
            sampleRate = first.Format.SampleRate;
            foreach (var block in first.ReadBlocks(BlockDuration))
                summary.Add(block.Samples.Span);
        }
        if (summary.SampleCount == 0)
            throw new AudioSourceException(request.Audio, "contains no audio samples.");

        var analyzer = new ProsodyAnalyzer(sampleRate, request.Pitch, summary, units: request.UnitsPath is not null);
        long frames = 0, voiced = 0;
        using (var writer = new StreamWriter(request.Output, append: false) { NewLine = "\n" })
        using (var second = AudioFile.OpenMono(request.Audio, request.Channel))
        {
            writer.WriteLine(ProsodyCsv.FrameHeader);
            void Write(IReadOnlyList<ProsodyFrame> batch)
            {
                foreach (var frame in batch)
                {
                    ProsodyCsv.WriteFrame(writer, frame);
                    frames++;
                    if (frame.IsVoiced)
                        voiced++;
                }
            }
            long read = 0;
            foreach (var block in second.ReadBlocks(BlockDuration))
            {
                Write(analyzer.Process(block.Samples.Span, block.Start));
                read += block.Samples.Length;
                progress?.Report((double)read / summary.SampleCount);
            }
            Write(analyzer.Complete());
        }

        int? units = null;
        if (request.UnitsPath is { } unitsPath)
        {
            var described = analyzer.CompleteUnits();
            ProsodyCsv.WriteUnits(unitsPath, described);
            units = described.Count;
        }

        var warnings = new List<string>();
        var duration = TimeSpan.FromSeconds((double)summary.SampleCount / sampleRate);
        if (frames == 0)
            warnings.Add($"{request.Audio}: {duration.TotalSeconds:0.###} s is shorter than one analysis window ({request.Pitch.WindowSeconds * 1000:0} ms); no frames.");
        else if (voiced == 0)
            warnings.Add(summary.IsDigitalSilence
                ? $"{request.Audio}: the recording is silent (every sample is zero); no voiced frames."
                : $"{request.Audio}: no voiced frames between {request.Pitch.FloorHz} and {request.Pitch.CeilingHz} Hz (silence, noise, or a voice outside that range).");
        return new ProsodyOutcome(frames, voiced, duration, units, warnings);
    }
}
