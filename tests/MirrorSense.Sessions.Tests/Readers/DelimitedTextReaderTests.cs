using MirrorSense.Sessions.Readers;

namespace MirrorSense.Sessions.Tests.Readers;

public sealed class DelimitedTextReaderTests
{
    private static (double[] A, double[] B) Read(string fileName, string text, ColumnSelection? columns = null)
    {
        using var file = new TempTable(fileName, text);
        var series = DyadSeriesReader.Read(file.Path, 30, columns);
        return ([.. series.A], [.. series.B]);
    }

    [Fact]
    public void Empty_NA_and_NaN_cells_in_a_csv_become_NaN()
    {
        var (a, b) = Read("m.csv", "a,b\n,1\nNA,2\nNaN,\n4,5\n");

        Assert.Equal([double.NaN, double.NaN, double.NaN, 4.0], a);
        Assert.Equal([1.0, 2.0, double.NaN, 5.0], b);
    }

    [Theory]
    [InlineData("12", 12.0)]
    [InlineData("-3", -3.0)]
    [InlineData("12345678901234567890", 1.2345678901234567e19)]
    [InlineData("0.25", 0.25)]
    [InlineData(".5", 0.5)]
    [InlineData("+1.5e3", 1500.0)]
    [InlineData("2E-2", 0.02)]
    [InlineData("\"7.5\"", 7.5)]
    public void Numbers_are_read_as_integers_decimals_or_exponent_notation_with_the_invariant_culture(string cell, double expected)
    {
        var (a, _) = Read("n.csv", $"a,b\n{cell},0\n");

        Assert.Equal(expected, a[0], 12);
    }

    [Fact]
    public void A_csv_with_semicolons_and_no_comma_in_the_header_is_read_as_semicolon_separated()
    {
        var (a, b) = Read("s.csv", "pat;th\n1;2\n");

        Assert.Equal([1.0], a);
        Assert.Equal([2.0], b);
    }

    [Theory]
    [InlineData("t.tsv")]
    [InlineData("t.tab")]
    public void Tsv_and_tab_files_are_tab_separated_with_empty_cells_missing(string fileName)
    {
        var (a, b) = Read(fileName, "time\tpat\tth\n0\t1\t\n0.04\t\t4\n", ColumnSelection.Parse("pat,th"));

        Assert.Equal([1.0, double.NaN], a);
        Assert.Equal([double.NaN, 4.0], b);
    }

    [Fact]
    public void Quoted_header_names_may_contain_the_delimiter_and_doubled_quotes()
    {
        var columns = new ColumnSelection(ColumnReference.Named("x, left"), ColumnReference.Named("say \"hi\""));

        var (a, b) = Read("q.csv", "\"x, left\",\"say \"\"hi\"\"\"\n1,2\n", columns);

        Assert.Equal([1.0], a);
        Assert.Equal([2.0], b);
    }

    [Fact]
    public void Columns_default_to_the_first_two()
    {
        var (a, b) = Read("three.csv", "a,b,c\n1,2,3\n");

        Assert.Equal([1.0], a);
        Assert.Equal([2.0], b);
    }

    [Fact]
    public void Columns_can_be_selected_by_position()
    {
        var (a, b) = Read("three.csv", "a,b,c\n1,2,3\n", ColumnSelection.Parse("3,1"));

        Assert.Equal([3.0], a);
        Assert.Equal([1.0], b);
    }

    [Fact]
    public void Other_columns_may_hold_text()
    {
        var (a, _) = Read("labels.csv", "label,a,b\nintro,1,2\n", ColumnSelection.Parse("a,b"));

        Assert.Equal([1.0], a);
    }
}
