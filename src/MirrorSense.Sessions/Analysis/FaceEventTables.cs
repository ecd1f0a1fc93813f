using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Sessions.Elan;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Sessions.Analysis;

/// <summary>
/// The smiles, looks and mutual gaze of an analysis with faces: <c>face_events.csv</c>
/// (<c>participant,kind,start_s,end_s</c>; participant AB for mutual gaze, which is the pair's) and ELAN tiers
/// <c>smiles_A</c>, <c>smiles_B</c>, <c>looking_A</c>, <c>looking_B</c> and <c>mutual_gaze_events</c>.
/// </summary>
public static class FaceEventTables
{
    public const string FileName = "face_events.csv";

    public const string Header = "participant,kind,start_s,end_s";

    public static void Write(IEnumerable<FaceEvent> events, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Header);
        foreach (var e in events)
            writer.WriteLine(string.Join(',', e.Participant?.ToString() ?? "AB", KindName(e.Kind), Seconds(e.Start), Seconds(e.End)));
    }

    /// <summary>Reads the table back, in file order.</summary>
    /// <exception cref="Readers.SeriesFormatException">The file is missing or has a malformed row (named by file:line:column).</exception>
    public static IReadOnlyList<FaceEvent> Read(string path)
    {
        var events = new List<FaceEvent>();
        foreach (var row in Readers.CsvTable.Read(path, Header))
        {
            if (row.IsHeader)
                continue;
            var kind = row.Cells[1] switch
            {
                "smile" => FaceEventKind.Smile,
                "looking_at_partner" => FaceEventKind.Looking,
                "mutual_gaze" => FaceEventKind.MutualGaze,
                var other => throw row.Problem(1, $"expected smile, looking_at_partner or mutual_gaze in column kind but found '{other}'"),
            };
            Participant? who = row.Cells[0] switch
            {
                "A" => Participant.A,
                "B" => Participant.B,
                "AB" => null,
                var other => throw row.Problem(0, $"expected A, B or AB in column participant but found '{other}'"),
            };
            if ((who is null) != (kind == FaceEventKind.MutualGaze))
                throw row.Problem(0, $"expected AB for mutual gaze and A or B for anything else, but found '{row.Cells[0]}' with {row.Cells[1]}");
            var (start, end) = (row.Required(2), row.Required(3));
            if (end < start)
                throw row.Problem(3, $"expected the event to end at or after its start ({start} s) but it ends at {end} s");
            events.Add(new FaceEvent(kind, who, MediaTime.FromSeconds(start), MediaTime.FromSeconds(end)));
        }

        return events;
    }

    /// <summary>One tier per person for smiles and for looks, one for mutual gaze; each annotation is named by its kind.</summary>
    public static IEnumerable<ElanTier> Tiers(IReadOnlyList<FaceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var (kind, tier) in new[] { (FaceEventKind.Smile, "smiles"), (FaceEventKind.Looking, "looking") })
        {
            foreach (var who in new[] { Participant.A, Participant.B })
                yield return new ElanTier($"{tier}_{who}", Annotations(events.Where(e => e.Kind == kind && e.Participant == who)), who.ToString());
        }

        // Not "mutual_gaze": that is the measure's own tier of episodes, and ELAN tier ids must be unique.
        yield return new ElanTier("mutual_gaze_events", Annotations(events.Where(e => e.Kind == FaceEventKind.MutualGaze)));
    }

    private static ElanAnnotation[] Annotations(IEnumerable<FaceEvent> events) =>
        [.. events.Select(e => new ElanAnnotation(e.Start, e.End, KindName(e.Kind).Replace('_', ' ')))];

    private static string KindName(FaceEventKind kind) => kind switch
    {
        FaceEventKind.Smile => "smile",
        FaceEventKind.Looking => "looking_at_partner",
        FaceEventKind.MutualGaze => "mutual_gaze",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a face event kind"),
    };

    private static string Seconds(MediaTime time) => time.Seconds.ToString("0.######", CultureInfo.InvariantCulture);
}
