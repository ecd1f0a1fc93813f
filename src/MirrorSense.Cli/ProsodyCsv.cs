using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Prosody;

namespace MirrorSense.Cli;

/// <summary>
/// The tidy CSV files of <c>mirrorsense prosody</c>: one row per 10 ms frame, and one row per inter-pausal unit.
/// (Format owners belong in Sessions; these move there when Sessions takes prosody outputs.)
/// </summary>
internal static class ProsodyCsv
{
    public const string FrameHeader = "time_s,f0_hz,intensity_db,voiced";

    /// <summary>A dyad's frames in one table (<c>mirrorsense analyze</c>): the frame columns with the participant second, as in pose.csv.</summary>
    public const string DyadFrameHeader = "time_s,participant,f0_hz,intensity_db,voiced";
    public const string UnitHeader = "start_s,end_s,duration_s,mean_pitch_st,mean_intensity_db,syllables,syllable_rate_per_s";

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

    public static void WriteUnits(string path, IReadOnlyList<UnitFeatures> units)
    {
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine(UnitHeader);
        foreach (var unit in units)
        {
            writer.WriteLine(string.Join(',',
                Number(unit.Start.Seconds, "0.######"),
                Number(unit.End.Seconds, "0.######"),
                Number(unit.Duration.TotalSeconds, "0.######"),
                Number(unit.MeanPitchSemitones, "0.###"),
                Number(unit.MeanIntensityDb, "0.###"),
                unit.Syllables.ToString(CultureInfo.InvariantCulture),
                Number(unit.SyllablesPerSecond, "0.###")));
        }
    }

    // Missing values (no voiced frame in a unit) are empty cells, as f0 is in unvoiced frames.
    private static string Number(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "";
}
