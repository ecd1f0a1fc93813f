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
        writer.Write(Number(frame.Time.Seconds, "0.######"));
        writer.Write(',');
        if (participant is { } who)
            writer.Write(who == Participant.A ? "A," : "B,");
        if (frame.IsVoiced)
            writer.Write(Number(frame.FrequencyHz, "0.####"));
        writer.Write(',');
        writer.Write(Number(frame.IntensityDb, "0.###"));
        writer.Write(frame.IsVoiced ? ",1\n" : ",0\n");
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
