using System.Globalization;
using MirrorSense.Core;

namespace MirrorSense.Sessions.Prosody;

/// <summary>
/// The prosody frame tables: one row per 10 ms frame, <c>time_s,f0_hz,intensity_db,voiced</c> for one speaker
/// (<c>mirrorsense prosody</c>), or with the participant second for a dyad (analyze's and a recording's
/// <c>prosody.csv</c>). f0 is an empty cell in unvoiced frames. Rows come from the neutral <see cref="ProsodyFrame"/>,
/// so whoever analyses the voice (files, microphones) writes the same table.
/// </summary>
public static class ProsodyCsvWriter
{
    public const string FrameHeader = "time_s,f0_hz,intensity_db,voiced";

    /// <summary>A dyad's frames in one table: the frame columns with the participant second, as in pose.csv.</summary>
    public const string DyadFrameHeader = "time_s,participant,f0_hz,intensity_db,voiced";

    public static void WriteFrame(TextWriter writer, ProsodyFrame frame, Participant? participant = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // Formatted into a stack buffer: no string per number at 100 rows a second of audio.
        Span<char> row = stackalloc char[96];
        var length = Format(row, frame.Time.Seconds, "0.######");
        row[length++] = ',';
        if (participant is { } who)
        {
            row[length++] = who == Participant.A ? 'A' : 'B';
            row[length++] = ',';
        }
        var voiced = !double.IsNaN(frame.FrequencyHz);
        if (voiced)
            length += Format(row[length..], frame.FrequencyHz, "0.####");
        row[length++] = ',';
        length += Format(row[length..], frame.IntensityDb, "0.###");
        foreach (var c in voiced ? ",1\n" : ",0\n")
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
}
