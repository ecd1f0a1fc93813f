using MirrorSense.Core;
using MirrorSense.Sessions.Analysis;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.Analysis;

public sealed class FaceEventTablesTests
{
    private static readonly FaceEvent[] Events =
    [
        new(FaceEventKind.Smile, Participant.A, MediaTime.FromSeconds(1.5), MediaTime.FromSeconds(3)),
        new(FaceEventKind.Looking, Participant.B, MediaTime.FromSeconds(2), MediaTime.FromSeconds(9.25)),
        new(FaceEventKind.MutualGaze, null, MediaTime.FromSeconds(2), MediaTime.FromSeconds(3)),
    ];

    [Fact]
    public void The_table_has_one_row_per_event_and_names_mutual_gaze_the_pairs()
    {
        var writer = new StringWriter { NewLine = "\n" };

        FaceEventTables.Write(Events, writer);

        Assert.Equal(
            "participant,kind,start_s,end_s\nA,smile,1.5,3\nB,looking_at_partner,2,9.25\nAB,mutual_gaze,2,3\n",
            writer.ToString());
    }

    [Fact]
    public void Every_person_gets_a_smile_and_a_looking_tier_even_without_events_and_the_pair_one_mutual_gaze_tier()
    {
        var tiers = FaceEventTables.Tiers(Events).ToArray();

        Assert.Equal(["smiles_A", "smiles_B", "looking_A", "looking_B", "mutual_gaze_events"], tiers.Select(t => t.Id));
        Assert.Empty(tiers.Single(t => t.Id == "smiles_B").Annotations);
        Assert.Equal("B", tiers.Single(t => t.Id == "looking_B").Participant);
        var mutual = Assert.Single(tiers.Single(t => t.Id == "mutual_gaze_events").Annotations);
        Assert.Equal(("mutual gaze", 2.0, 3.0), (mutual.Value, mutual.Start.Seconds, mutual.End.Seconds));
    }

    [Fact]
    public void The_table_reads_back_as_it_was_written()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, FaceEventTables.FileName);
        using (var writer = new StreamWriter(path))
            FaceEventTables.Write(Events, writer);

        Assert.Equal(Events, FaceEventTables.Read(path));
    }

    [Theory]
    [InlineData("A,mutual_gaze,1,2", "2:1", "expected AB for mutual gaze")]
    [InlineData("AB,smile,1,2", "2:1", "expected AB for mutual gaze and A or B for anything else")]
    [InlineData("C,smile,1,2", "2:1", "expected A, B or AB")]
    [InlineData("A,frown,1,2", "2:2", "expected smile, looking_at_partner or mutual_gaze")]
    [InlineData("A,smile,3,2", "2:4", "end at or after its start")]
    [InlineData("A,smile,,2", "2:3", "the cell is empty")]
    public void A_malformed_row_is_named_by_file_line_and_column(string row, string location, string problem)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, FaceEventTables.FileName);
        File.WriteAllText(path, FaceEventTables.Header + "\n" + row + "\n");

        var error = Assert.Throws<MirrorSense.Sessions.Readers.SeriesFormatException>(() => FaceEventTables.Read(path));

        Assert.Contains($"{path}:{location}", error.Message);
        Assert.Contains(problem, error.Message);
    }
}
