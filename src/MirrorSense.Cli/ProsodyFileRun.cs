using MirrorSense.Capture;
using MirrorSense.Prosody;
using MirrorSense.Sessions;
using MirrorSense.Sessions.Prosody;
using MirrorSense.Sessions.Voice;

namespace MirrorSense.Cli;

/// <summary>What <c>mirrorsense prosody</c> was asked to do.</summary>
internal sealed record ProsodyRequest(string Audio, string Output, ChannelSelection Channel, PitchOptions Pitch, string? UnitsPath);

/// <summary>What a prosody run produced, for the summary line and warnings.</summary>
internal sealed record ProsodyOutcome(long Frames, long VoicedFrames, TimeSpan Duration, int? Units, IReadOnlyList<string> Warnings);

/// <summary>Composes a file's prosody run: the <see cref="VoicePass"/> streaming into the frame CSV, then the units CSV.</summary>
internal static class ProsodyFileRun
{
    public static ProsodyOutcome Run(ProsodyRequest request, IProgress<double>? progress)
    {
        // The CSV is created with the first frame, so a recording that cannot be read at all leaves no output behind,
        // while one damaged part-way keeps the frames before the damage.
        StreamWriter? writer = null;
        StreamWriter Writer()
        {
            if (writer is null)
            {
                writer = new StreamWriter(request.Output, append: false) { NewLine = "\n" };
                writer.WriteLine(ProsodyCsvWriter.FrameHeader);
            }

            return writer;
        }

        VoicePassResult result;
        try
        {
            result = VoicePass.Run(() => AudioFile.OpenMono(request.Audio, request.Channel), request.Audio, request.Pitch,
                units: request.UnitsPath is not null, frame => ProsodyCsvWriter.WriteFrame(Writer(), frame), progress);
            Writer();
        }
        finally
        {
            writer?.Dispose();
        }

        if (request.UnitsPath is { } unitsPath)
            AtomicFile.Write(unitsPath, w => UnitsCsv.Write(w, result.Units!, dyad: false));
        return new ProsodyOutcome(result.Frames, result.VoicedFrames, result.Duration, result.Units?.Count, result.Warnings);
    }
}
