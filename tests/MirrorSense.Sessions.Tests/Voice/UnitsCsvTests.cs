using MirrorSense.Core;
using MirrorSense.Sessions.Readers;
using MirrorSense.Sessions.Voice;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.Voice;

public static class UnitsCsvTests
{
    public sealed class Write_and_Read : IDisposable
    {
        private readonly TempFolder _folder = new("mirrorsense-units-");

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void Should_give_back_both_speakers_units_as_written_with_a_missing_pitch_still_missing()
        {
            // Given units of A and B, one of B's without a voiced frame
            SpeechUnit[] units =
            [
                new(Participant.A, MediaTime.FromSeconds(0.25), MediaTime.FromSeconds(1.75), 1.5, 62.25, 6),
                new(Participant.B, MediaTime.FromSeconds(2.000001), MediaTime.FromSeconds(3), double.NaN, 55.5, 4),
            ];

            // When written as analyze's units.csv and read back
            var path = _folder.Combine(UnitsCsv.FileName);
            using (var writer = new StreamWriter(path))
                UnitsCsv.Write(writer, units, dyad: true);
            var read = UnitsCsv.Read(path);

            // Then every unit comes back equal, rates included, and the file carries the dyad header and the rate column
            Assert.Equal(units, read);
            Assert.Equal([4.0, 4 / 0.999999], read.Select(u => u.SyllablesPerSecond));
            var lines = File.ReadAllLines(path);
            Assert.Equal(UnitsCsv.DyadHeader, lines[0]);
            Assert.Equal("A,0.25,1.75,1.5,1.5,62.25,6,4", lines[1]);
            Assert.Equal("B,2.000001,3,0.999999,,55.5,4,4", lines[2]);
        }

        [Fact]
        public void Should_read_a_one_speaker_table_of_mirrorsense_prosody_with_no_speaker()
        {
            // Given the table prosody --units writes
            var path = _folder.Write("units.csv", UnitsCsv.Header + "\n1,2,1,,50,3,3\n");

            // When read
            var unit = Assert.Single(UnitsCsv.Read(path));

            // Then the unit has no speaker and its values
            Assert.Equal(new SpeechUnit(null, MediaTime.FromSeconds(1), MediaTime.FromSeconds(2), double.NaN, 50, 3), unit);
        }

        [Fact]
        public void Should_leave_the_syllables_of_a_unit_that_had_none_counted_empty_and_read_them_back_as_not_counted()
        {
            // Given a unit cut at its pauses with its pitch and intensity measured but no syllables counted
            var unit = new SpeechUnit(Participant.A, MediaTime.FromSeconds(1), MediaTime.FromSeconds(2), 0.5, 50, null);

            // When written and read back
            var path = _folder.Combine(UnitsCsv.FileName);
            using (var writer = new StreamWriter(path))
                UnitsCsv.Write(writer, [unit], dyad: true);

            // Then both the count and the rate are empty cells, and the count comes back as not counted rather than zero
            Assert.Equal("A,1,2,1,0.5,50,,", File.ReadAllLines(path)[1]);
            Assert.Equal(unit, Assert.Single(UnitsCsv.Read(path)));
        }

        [Fact]
        public void Should_refuse_a_dyad_unit_without_its_speaker()
        {
            // Given a unit that names no speaker, when written as a dyad's table, then it is refused
            var unit = new SpeechUnit(null, MediaTime.Zero, MediaTime.FromSeconds(1), 0, 50, 2);
            Assert.Throws<ArgumentException>(() => UnitsCsv.Write(TextWriter.Null, [unit], dyad: true));
        }

        [Theory]
        [InlineData("participant,start_s,end_s\nA,0,1\n", "units.csv:1")]
        [InlineData(UnitsCsv.DyadHeader + "\nC,0,1,1,0,50,2,2\n", "units.csv:2:1")]
        [InlineData(UnitsCsv.DyadHeader + "\nA,0,1,1,0,50,2.5,2.5\n", "units.csv:2:7")]
        public void Should_name_the_file_line_and_column_of_a_malformed_table(string text, string location)
        {
            // Given a broken table, when read, then the error points at it
            var path = _folder.Write("units.csv", text);
            var error = Assert.Throws<SeriesFormatException>(() => UnitsCsv.Read(path));
            Assert.Contains(_folder.Combine(location), error.Message);
        }
    }
}
