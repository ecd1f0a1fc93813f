using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Sessions.Elan;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Sessions.Analysis;

/// <summary>
/// Head nods and shakes of an analysis: <c>head_movements.csv</c>
/// (<c>participant,kind,start_s,end_s,cycles,amplitude_sw</c>, amplitude in shoulder widths; <c>amplitude_deg</c>, degrees,
/// for movements found in OpenFace's head angles) and one ELAN tier per participant.
/// </summary>
public static class HeadMovementTables
{
    public const string Header = "participant,kind,start_s,end_s,cycles,amplitude_sw";

    /// <summary>The header for movements found in head angles (OpenFace's pose), whose amplitudes are degrees.</summary>
    public const string DegreesHeader = "participant,kind,start_s,end_s,cycles,amplitude_deg";

    public static void Write(IEnumerable<HeadMovementEvent> events, TextWriter writer, string header = Header)
    {
        writer.WriteLine(header);
        foreach (var e in events)
        {
            writer.WriteLine(string.Join(',',
                e.Participant, e.Kind == HeadMovementKind.Nod ? "nod" : "shake",
                Seconds(e.Start), Seconds(e.End),
                e.Cycles.ToString("0.#", CultureInfo.InvariantCulture),
                e.Amplitude.ToString("0.###", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Reads the table back, in file order.</summary>
    /// <exception cref="Readers.SeriesFormatException">The file is missing or has a malformed row (named by file:line:column).</exception>
    public static IReadOnlyList<HeadMovementEvent> Read(string path)
    {
        var events = new List<HeadMovementEvent>();
        foreach (var row in Readers.CsvTable.Read(path, Header))
        {
            if (row.IsHeader)
                continue;
            var kind = row.Cells[1] switch
            {
                "nod" => HeadMovementKind.Nod,
                "shake" => HeadMovementKind.Shake,
                var other => throw row.Problem(1, $"expected nod or shake in column kind but found '{other}'"),
            };
            var (start, end) = (row.Required(2), row.Required(3));
            if (end < start)
                throw row.Problem(3, $"expected the movement to end at or after its start ({start} s) but it ends at {end} s");
            events.Add(new HeadMovementEvent(MediaTime.FromSeconds(start), MediaTime.FromSeconds(end), Enum.Parse<Participant>(row.Participant(0, allowEmpty: false)!), kind, row.Number(4), row.Number(5)));
        }

        return events;
    }

    /// <summary>Tiers <c>head_movements_A</c> and <c>head_movements_B</c>, each annotation "nod, 2 cycles".</summary>
    public static IEnumerable<ElanTier> Tiers(IReadOnlyList<HeadMovementEvent> events) =>
        new[] { Participant.A, Participant.B }.Select(p => new ElanTier(
            $"head_movements_{p}",
            [.. events.Where(e => e.Participant == p).Select(e => new ElanAnnotation(e.Start, e.End,
                string.Create(CultureInfo.InvariantCulture, $"{(e.Kind == HeadMovementKind.Nod ? "nod" : "shake")}, {e.Cycles:0.#} cycles")))],
            p.ToString()));

    private static string Seconds(MediaTime time) => time.Seconds.ToString("0.######", CultureInfo.InvariantCulture);
}
