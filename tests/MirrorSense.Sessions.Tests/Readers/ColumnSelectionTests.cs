using MirrorSense.Sessions.Readers;

namespace MirrorSense.Sessions.Tests.Readers;

public sealed class ColumnSelectionTests
{
    [Fact]
    public void Parsing_positions_gives_1_based_indexes()
    {
        var selection = ColumnSelection.Parse("1,2");

        Assert.Equal(ColumnSelection.Default, selection);
        Assert.Equal((1, 2), (selection.A.Index, selection.B.Index));
    }

    [Theory]
    [InlineData("pat,th")]
    [InlineData(" pat , th ")]
    [InlineData("\"pat\",\"th\"")]
    public void Parsing_names_gives_unquoted_names(string text)
    {
        var selection = ColumnSelection.Parse(text);

        Assert.Equal(("pat", "th"), (selection.A.Name, selection.B.Name));
    }

    [Fact]
    public void Parsing_a_quoted_number_gives_a_name_and_positions_and_names_may_mix()
    {
        var selection = ColumnSelection.Parse("\"2\",3");

        Assert.Equal("2", selection.A.Name);
        Assert.Equal(3, selection.B.Index);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1,2,3")]
    [InlineData("0,1")]
    [InlineData("1,")]
    [InlineData("\"pat,th")]
    public void Parsing_anything_but_two_valid_columns_is_a_format_error(string text)
    {
        var error = Assert.Throws<FormatException>(() => ColumnSelection.Parse(text));

        Assert.Contains("Expected two columns", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,2")]
    [InlineData("\"pat\",\"th\"")]
    [InlineData("\"a,b\",\"say \"\"hi\"\"\"")]
    public void A_selection_prints_as_text_that_parses_back_to_it(string text)
    {
        var selection = ColumnSelection.Parse(text);

        Assert.Equal(selection, ColumnSelection.Parse(selection.ToString()));
    }
}
