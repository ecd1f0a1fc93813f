using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Sessions.Readers;

namespace MirrorSense.Sessions.Voice;

/// <summary>
/// The units table, one row per inter-pausal unit: <c>mirrorsense prosody --units</c> writes one speaker's
/// (<see cref="Header"/>), <c>mirrorsense analyze</c> both speakers' in <c>units.csv</c> with the participant
/// first (<see cref="DyadHeader"/>). Times in seconds of media time; an empty cell is missing (a unit without a
/// voiced frame has no pitch, one whose syllables were not counted has neither a count nor a rate). <c>syllable_rate_per_s</c> is written for readers of the file and recomputed on reading.
/// </summary>
public static class UnitsCsv
{
    public const string FileName = "units.csv";
    public const string Header = "start_s,end_s,duration_s,mean_pitch_st,mean_intensity_db,syllables,syllable_rate_per_s";
    public const string DyadHeader = "participant," + Header;

    /// <summary>Writes the header and the rows; with <paramref name="dyad"/> every row must name its speaker.</summary>
    public static void Write(TextWriter writer, IEnumerable<SpeechUnit> units, bool dyad)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(units);
        writer.NewLine = "\n";
        writer.WriteLine(dyad ? DyadHeader : Header);
        foreach (var unit in units)
        {
            var cells = string.Join(',',
                Number(unit.Start.Seconds, "0.######"),
                Number(unit.End.Seconds, "0.######"),
                Number(unit.Duration.TotalSeconds, "0.######"),
                Number(unit.MeanPitchSemitones, "0.###"),
                Number(unit.MeanIntensityDb, "0.###"),
                unit.Syllables?.ToString(CultureInfo.InvariantCulture) ?? "",
                Number(unit.SyllablesPerSecond, "0.###"));
            if (dyad)
            {
                var speaker = unit.Speaker ?? throw new ArgumentException($"A unit at {unit.Start} names no speaker, but a dyad's units table needs one.", nameof(units));
                cells = speaker + "," + cells;
            }

            writer.WriteLine(cells);
        }
    }

    /// <summary>Reads either table back, in file order (the speaker is null in a one-speaker table).</summary>
    /// <exception cref="Readers.SeriesFormatException">The file is missing or has a malformed row (named by file:line:column).</exception>
    public static IReadOnlyList<SpeechUnit> Read(string path)
    {
        var units = new List<SpeechUnit>();
        var first = 0;
        foreach (var row in CsvTable.Read(path, [Header, DyadHeader]))
        {
            if (row.IsHeader)
            {
                first = row.Cells[0] == "participant" ? 1 : 0;
                continue;
            }

            Participant? speaker = first == 1 ? Enum.Parse<Participant>(row.Participant(0, allowEmpty: false)!) : null;
            var start = row.Required(first);
            var end = row.Required(first + 1);
            if (end < start)
                throw row.Problem(first + 1, $"expected the unit to end at or after its start ({start} s) but it ends at {end} s");
            var syllables = row.Number(first + 5);
            if (!double.IsNaN(syllables) && (syllables < 0 || syllables != Math.Floor(syllables)))
                throw row.Problem(first + 5, $"expected a whole number of syllables or an empty cell but found '{row.Cells[first + 5]}'");
            units.Add(new SpeechUnit(speaker, MediaTime.FromSeconds(start), MediaTime.FromSeconds(end), row.Number(first + 3), row.Number(first + 4),
                double.IsNaN(syllables) ? null : (int)syllables));
        }

        return units;
    }

    // Missing values (no voiced frame in a unit) are empty cells, as f0 is in unvoiced frames.
    private static string Number(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "";
}
