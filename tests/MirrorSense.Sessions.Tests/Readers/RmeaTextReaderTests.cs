using MirrorSense.Sessions.Readers;

namespace MirrorSense.Sessions.Tests.Readers;

public sealed class RmeaTextReaderTests
{
    private static (double[] A, double[] B) Read(string text, string columns = "1,2")
    {
        using var file = new TempTable("dyad.txt", text);
        var series = new RmeaTextReader().Read(file.Path, 25, ColumnSelection.Parse(columns));
        return ([.. series.A], [.. series.B]);
    }

    [Fact]
    public void Runs_of_spaces_and_tabs_separate_columns_when_the_header_has_no_tab()
    {
        // Given a space-separated header, a run of tabs is one separator, not an empty cell
        var (a, b) = Read("\"pat\"   \"th\"\n  1550 \t  6948  \n1317\t\t5657\n");

        Assert.Equal([1550.0, 1317.0], a);
        Assert.Equal([6948.0, 5657.0], b);
    }

    [Fact]
    public void NA_cells_become_NaN()
    {
        var (a, b) = Read("\"pat\" \"th\"\nNA 2\n3 NA\n");

        Assert.Equal([double.NaN, 3.0], a);
        Assert.Equal([2.0, double.NaN], b);
    }

    [Fact]
    public void In_a_tab_separated_file_empty_cells_and_a_trailing_tab_become_NaN()
    {
        // Given a header with tabs, every tab separates, so empty cells exist
        var (a, b) = Read("pat\tth\n\t2\n3\t\nNA\t4\n");

        Assert.Equal([double.NaN, 3.0, double.NaN], a);
        Assert.Equal([2.0, double.NaN, 4.0], b);
    }

    [Fact]
    public void Blank_lines_are_skipped_as_R_skips_them()
    {
        var (a, _) = Read("\"pat\" \"th\"\n1 2\n\n   \n3 4\n\n");

        Assert.Equal([1.0, 3.0], a);
    }

    [Fact]
    public void Columns_can_be_selected_by_quoted_header_name_in_any_order()
    {
        var (a, b) = Read("\"pat\" \"th\"\n1 2\n3 4\n", "\"th\",pat");

        Assert.Equal([2.0, 4.0], a);
        Assert.Equal([1.0, 3.0], b);
    }
}
