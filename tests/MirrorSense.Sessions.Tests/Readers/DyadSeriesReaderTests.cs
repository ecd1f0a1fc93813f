using MirrorSense.Sessions.Readers;

namespace MirrorSense.Sessions.Tests.Readers;

public sealed class DyadSeriesReaderTests
{
    private static SeriesFormatException ReadFails(string fileName, string text, string columns = "1,2")
    {
        using var file = new TempTable(fileName, text);
        var error = Assert.Throws<SeriesFormatException>(() => DyadSeriesReader.Read(file.Path, 25, ColumnSelection.Parse(columns)));
        Assert.Equal(file.Path, error.FilePath);
        Assert.StartsWith(file.Path, error.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void Reading_gives_a_dyad_named_after_the_file_at_the_given_sample_rate()
    {
        // Given a small rMEA file
        using var file = new TempTable("dyad_07.txt", "\"pat\" \"th\"\n1 2\n3 4\n");

        // When it is read at 25 Hz
        var series = DyadSeriesReader.Read(file.Path, 25);

        // Then name, rate and both columns come through in order
        Assert.Equal("dyad_07", series.Name);
        Assert.Equal(25, series.SampleRate);
        Assert.Equal([1.0, 3.0], series.A.ToArray());
        Assert.Equal([2.0, 4.0], series.B.ToArray());
    }

    [Fact]
    public void Reading_a_missing_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "mirrorsense-no-such-folder", "absent.csv");

        var error = Assert.Throws<SeriesFormatException>(() => DyadSeriesReader.Read(path, 25));

        Assert.Equal(path, error.FilePath);
        Assert.Null(error.Line);
        Assert.Equal($"{path}: expected a series file but there is no such file", error.Message);
    }

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("blank.csv", "\n  \n")]
    public void Reading_an_empty_file_says_a_header_line_was_expected(string fileName, string text)
    {
        var error = ReadFails(fileName, text);

        Assert.Equal(1, error.Line);
        Assert.EndsWith(":1: expected a header line but the file is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("header_only.txt", "\"pat\" \"th\"\n")]
    [InlineData("header_only.csv", "pat,th\n\n")]
    public void Reading_a_file_with_only_a_header_says_data_rows_were_expected(string fileName, string text)
    {
        var error = ReadFails(fileName, text);

        Assert.Equal(2, error.Line);
        Assert.Contains("expected data rows after the header (line 1) but found none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_file_with_a_non_numeric_cell_names_the_file_line_and_column()
    {
        var error = ReadFails("bad.csv", "pat,th\n1,2\n3,abc\n");

        Assert.Equal((3, 2), (error.Line, error.Column));
        Assert.Contains(":3:2: expected a number or a missing value (empty, NA, NaN) in column 2 (\"th\") but found \"abc\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_very_long_bad_cell_shows_only_its_beginning()
    {
        var junk = new string('x', 500);

        var error = ReadFails("long.txt", $"a b\n{junk} 1\n");

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains($"\"{new string('x', 40)}…\" (500 characters)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 41), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_decimal_comma_explains_that_a_decimal_point_is_needed()
    {
        var error = ReadFails("european.csv", "pat;th\n1,5;2\n");

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("decimal commas are not read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_an_infinite_value_is_refused()
    {
        var error = ReadFails("inf.csv", "a,b\n1,Infinity\n");

        Assert.Equal((2, 2), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("wide.csv", "a,b\n1,2\n1,2,3\n", 3, 3, "expected 2 columns as in the header (line 1) but found 3")]
    [InlineData("narrow.txt", "a b c\n1 2 3\n1 2\n", 3, 3, "expected 3 columns as in the header (line 1) but found 2")]
    [InlineData("narrow.tsv", "a\tb\tc\n1\t2\n", 2, 3, "expected 3 columns as in the header (line 1) but found 2")]
    public void Reading_a_ragged_row_names_the_expected_and_found_column_counts(string fileName, string text, int line, int column, string problem)
    {
        var error = ReadFails(fileName, text);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void Selecting_a_column_position_beyond_the_header_lists_the_available_columns()
    {
        var error = ReadFails("two.csv", "pat,th\n1,2\n", "1,3");

        Assert.Equal((1, 3), (error.Line, error.Column));
        Assert.Equal("column 3 was selected but the header has 2 column(s): 1 (\"pat\"), 2 (\"th\")", error.Problem);
    }

    [Fact]
    public void Selecting_an_unknown_column_name_lists_the_available_names()
    {
        var error = ReadFails("two.txt", "\"pat\" \"th\"\n1 2\n", "pat,therapist");

        Assert.Equal(1, error.Line);
        Assert.Equal("expected a column named \"therapist\" but the header has: 1 (\"pat\"), 2 (\"th\")", error.Problem);
    }

    [Fact]
    public void Selecting_a_name_two_columns_share_asks_for_a_position()
    {
        var error = ReadFails("twice.csv", "x,y,x\n1,2,3\n", "x,y");

        Assert.Contains("ambiguous: columns 1 and 3", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_an_unclosed_quote_names_the_line_and_column()
    {
        var error = ReadFails("quote.csv", "a,b\n1,\"2\n");

        Assert.Equal((2, 2), (error.Line, error.Column));
        Assert.Contains("expected a closing quote", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_an_unsupported_extension_names_the_supported_ones()
    {
        var error = ReadFails("table.xlsx", "a,b\n1,2\n");

        Assert.Equal("expected one of the extensions .txt, .csv, .tsv, .tab but found \".xlsx\"", error.Problem);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-25.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Reading_with_a_sample_rate_that_is_not_positive_and_finite_is_an_argument_error(double sampleRate)
    {
        using var file = new TempTable("ok.csv", "a,b\n1,2\n");

        Assert.Throws<ArgumentOutOfRangeException>(() => DyadSeriesReader.Read(file.Path, sampleRate));
    }
}
