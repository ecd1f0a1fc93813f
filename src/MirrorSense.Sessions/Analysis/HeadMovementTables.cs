using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Sessions.Elan;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Sessions.Analysis;

/// <summary>
/// Head nods and shakes of an analysis: <c>head_movements.csv</c> (<see cref="Header"/>; <c>amplitude_unit</c> says
/// what each movement was read from: <c>shoulder_widths</c> of the nose point's travel, or <c>degrees</c> of head pitch
/// or yaw from the face mesh or OpenFace) and one ELAN tier per participant.
/// </summary>
public static class HeadMovementTables
{
    public const string Header = "participant,kind,start_s,end_s,cycles,amplitude,amplitude_unit";

    /// <summary>Layouts of earlier analyses, one unit for every row: read, no longer written.</summary>
    private static readonly (string Header, HeadSignal From)[] EarlierLayouts =
    [
        ("participant,kind,start_s,end_s,cycles,amplitude_sw", HeadSignal.NosePosition),
        ("participant,kind,start_s,end_s,cycles,amplitude_deg", HeadSignal.HeadAngles),
    ];

    public static void Write(IEnumerable<HeadMovementEvent> events, TextWriter writer)
    {
        writer.WriteLine(Header);
        foreach (var e in events)
        {
            writer.WriteLine(string.Join(',',
                e.Participant, e.Kind == HeadMovementKind.Nod ? "nod" : "shake",
                Seconds(e.Start), Seconds(e.End),
                e.Cycles.ToString("0.#", CultureInfo.InvariantCulture),
                e.Amplitude.ToString("0.###", CultureInfo.InvariantCulture),
                Unit(e.From)));
        }
    }

    private static string Unit(HeadSignal from) => from == HeadSignal.HeadAngles ? "degrees" : "shoulder_widths";

    /// <summary>Reads the table back, in file order.</summary>
    /// <exception cref="Readers.SeriesFormatException">The file is missing or has a malformed row (named by file:line:column).</exception>
    public static IReadOnlyList<HeadMovementEvent> Read(string path)
    {
        var events = new List<HeadMovementEvent>();
        HeadSignal? layoutFrom = null;
        foreach (var row in Readers.CsvTable.Read(path, [Header, .. EarlierLayouts.Select(l => l.Header)]))
        {
            if (row.IsHeader)
            {
                var header = string.Join(',', row.Cells);
                layoutFrom = EarlierLayouts.Where(l => l.Header == header).Select(l => (HeadSignal?)l.From).FirstOrDefault();
                continue;
            }

            var kind = row.Cells[1] switch
            {
                "nod" => HeadMovementKind.Nod,
                "shake" => HeadMovementKind.Shake,
                var other => throw row.Problem(1, $"expected nod or shake in column kind but found '{other}'"),
            };
            var (start, end) = (row.Required(2), row.Required(3));
            if (end < start)
                throw row.Problem(3, $"expected the movement to end at or after its start ({start} s) but it ends at {end} s");
            var from = layoutFrom ?? row.Cells[6] switch
            {
                "shoulder_widths" => HeadSignal.NosePosition,
                "degrees" => HeadSignal.HeadAngles,
                var other => throw row.Problem(6, $"expected shoulder_widths or degrees in column amplitude_unit but found '{other}'"),
            };
            events.Add(new HeadMovementEvent(MediaTime.FromSeconds(start), MediaTime.FromSeconds(end), Enum.Parse<Participant>(row.Participant(0, allowEmpty: false)!), kind, row.Number(4), row.Number(5)) { From = from });
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
