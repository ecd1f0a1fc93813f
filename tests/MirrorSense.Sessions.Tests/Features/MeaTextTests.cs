using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Sessions.Features;
using MirrorSense.Sessions.Readers;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.Features;

public sealed class MeaTextTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-mea-");

    public void Dispose() => _folder.Dispose();

    /// <summary>Values whose shortest spelling needs every digit, the extremes of a double, and missing samples on either side.</summary>
    private static readonly DyadSeries Awkward = DyadSeries.FromArrays("pixel_motion", 30,
        [0, 1550, 0.1 + 0.2, 1.0 / 3, double.NaN, 1e-300, double.Epsilon, 123456789012345678, double.MaxValue],
        [6948, double.NaN, 2.0 / 3, 0.30000000000000004, 5e-324, double.NaN, 1e21, 7, -1.5]);

    private string Written(DyadSeries series)
    {
        var path = _folder.Combine(MeaText.FileName);
        AtomicFile.Write(path, writer => MeaText.Write(writer, series));
        return path;
    }

    [Fact]
    public void Read_as_rMEA_reads_it_the_file_gives_back_every_value_bit_for_bit_and_NA_for_missing()
    {
        // Given a dyad's series written as session_MEA.txt
        var path = Written(Awkward);

        // When read as rMEA's read.table(skip = 1) reads it: the header line skipped, each line cut at runs of whitespace, NA missing
        var rows = File.ReadLines(path).Skip(1).Select(line => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToList();

        // Then every line has two columns, A then B, and each number is the very double written
        Assert.All(rows, cells => Assert.Equal(2, cells.Length));
        Assert.Equal(Bits(Awkward.A), Bits(rows.Select(cells => RNumber(cells[0]))));
        Assert.Equal(Bits(Awkward.B), Bits(rows.Select(cells => RNumber(cells[1]))));
    }

    [Fact]
    public void Mirrorsense_sync_reads_it_back_as_the_same_series()
    {
        // Given a dyad's series written as session_MEA.txt
        var path = Written(Awkward);

        // When read by sync's reader of rMEA text, columns 1 and 2
        var read = new RmeaTextReader().Read(path, 30, ColumnSelection.Parse("1,2"));

        // Then both series come back bit for bit, missing still missing
        Assert.Equal(Bits(Awkward.A), Bits(read.A));
        Assert.Equal(Bits(Awkward.B), Bits(read.B));
    }

    [Fact]
    public void The_file_has_a_header_naming_A_and_B_then_one_line_per_grid_point()
    {
        var path = Written(DyadSeries.FromArrays("pixel_motion", 30, [12, double.NaN, 0.5], [0, 3, double.NaN]));

        Assert.Equal("A B\n12 0\nNA 3\n0.5 NA\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_missing_writer_or_series_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => MeaText.Write(new StringWriter(), null!));
        Assert.Throws<ArgumentNullException>(() => MeaText.Write(null!, Awkward));
    }

    /// <summary>A cell as R's read.table takes it: NA is missing, anything else a decimal number.</summary>
    private static double RNumber(string cell) => cell == "NA" ? double.NaN : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
