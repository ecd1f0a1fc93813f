using MirrorSense.Core;
using MirrorSense.Sessions.Analysis;
using MirrorSense.Sessions.Readers;
using MirrorSense.Synchrony.Features;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.Analysis;

public sealed class HeadMovementTablesTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-heads-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Each_movement_says_its_amplitudes_unit_and_reads_back_as_written()
    {
        // Given a nod read from the face's pitch and a shake read from the nose point, in one session
        HeadMovementEvent[] events =
        [
            new(MediaTime.FromSeconds(1), MediaTime.FromSeconds(1.6), Participant.A, HeadMovementKind.Nod, 2, 9.5) { From = HeadSignal.HeadAngles },
            new(MediaTime.FromSeconds(4), MediaTime.FromSeconds(5), Participant.B, HeadMovementKind.Shake, 1.5, 0.08),
        ];
        var path = _folder.Combine("head_movements.csv");

        // When written and read back
        using (var writer = new StreamWriter(path))
            HeadMovementTables.Write(events, writer);
        var read = HeadMovementTables.Read(path);

        // Then each row names its unit, and the events come back whole
        Assert.Equal(
            ["participant,kind,start_s,end_s,cycles,amplitude,amplitude_unit", "A,nod,1,1.6,2,9.5,degrees", "B,shake,4,5,1.5,0.08,shoulder_widths"],
            File.ReadAllLines(path));
        Assert.Equal(events, read);
    }

    [Theory]
    [InlineData("participant,kind,start_s,end_s,cycles,amplitude_sw", HeadSignal.NosePosition)]
    [InlineData("participant,kind,start_s,end_s,cycles,amplitude_deg", HeadSignal.HeadAngles)]
    public void An_earlier_analysis_with_one_unit_in_its_header_still_reads(string header, HeadSignal from)
    {
        var path = _folder.Combine("head_movements.csv");
        File.WriteAllText(path, header + "\nA,nod,1,1.6,2,0.05\n");

        var read = Assert.Single(HeadMovementTables.Read(path));

        Assert.Equal(from, read.From);
        Assert.Equal(0.05, read.Amplitude);
    }

    [Fact]
    public void An_unknown_unit_is_named_with_its_file_line_and_column()
    {
        var path = _folder.Combine("head_movements.csv");
        File.WriteAllText(path, HeadMovementTables.Header + "\nA,nod,1,1.6,2,9.5,radians\n");

        var error = Assert.Throws<SeriesFormatException>(() => HeadMovementTables.Read(path));

        Assert.Contains("head_movements.csv:2:7", error.Message);
        Assert.Contains("'radians'", error.Message);
    }
}
