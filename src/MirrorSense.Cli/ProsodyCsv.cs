using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Prosody;
using MirrorSense.Sessions.Voice;

namespace MirrorSense.Cli;

/// <summary>
/// The frame table of <c>mirrorsense prosody</c> and <c>analyze</c>: one row per 10 ms frame, formatted without a string per
/// number. (Format owners belong in Sessions; the units table already lives there as <see cref="UnitsCsv"/>, the frames
/// follow when Sessions takes prosody outputs.)
/// </summary>
internal static class ProsodyCsv
{
    public const string FrameHeader = "time_s,f0_hz,intensity_db,voiced";

    /// <summary>A dyad's frames in one table (<c>mirrorsense analyze</c>): the frame columns with the participant second, as in pose.csv.</summary>
    public const string DyadFrameHeader = "time_s,participant,f0_hz,intensity_db,voiced";

    public static void WriteFrame(TextWriter writer, ProsodyFrame frame, Participant? participant = null)
    {
        // Formatted into a stack buffer: no string per number at 100 rows a second of audio.
        Span<char> row = stackalloc char[96];
        var length = Format(row, frame.Time.Seconds, "0.######");
        row[length++] = ',';
        if (participant is { } who)
        {
            row[length++] = who == Participant.A ? 'A' : 'B';
            row[length++] = ',';
        }
        if (frame.IsVoiced)
            length += Format(row[length..], frame.FrequencyHz, "0.####");
        row[length++] = ',';
        length += Format(row[length..], frame.IntensityDb, "0.###");
        foreach (var c in frame.IsVoiced ? ",1\n" : ",0\n")
            row[length++] = c;
        writer.Write(row[..length]);
    }

    private static int Format(Span<char> into, double value, string format)
    {
        if (!double.IsFinite(value))
            return 0;
        return value.TryFormat(into, out var written, format, CultureInfo.InvariantCulture)
            ? written
            : throw new InvalidOperationException($"{value} does not fit a CSV cell of {into.Length} characters.");
    }

    /// <summary>A unit as the units table (owned by Sessions) holds it.</summary>
    public static SpeechUnitRow Row(UnitFeatures unit, Participant? speaker = null) =>
        new(speaker, unit.Start, unit.End, unit.MeanPitchSemitones, unit.MeanIntensityDb, unit.Syllables);
}
