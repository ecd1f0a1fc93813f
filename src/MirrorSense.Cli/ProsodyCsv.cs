using System.Globalization;
using MirrorSense.Prosody;

namespace MirrorSense.Cli;

/// <summary>
/// The inter-pausal units table of <c>mirrorsense prosody --units</c>, one row per unit. (The frame table is
/// Sessions' <see cref="Sessions.Report.ProsodyCsvWriter"/>; units move there once Sessions has a neutral unit record.)
/// </summary>
internal static class ProsodyCsv
{
    public const string UnitHeader = "start_s,end_s,duration_s,mean_pitch_st,mean_intensity_db,syllables,syllable_rate_per_s";

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
