namespace MirrorSense.Sessions.Readers;

/// <summary>Cuts one line of a table into cells without copying it.</summary>
internal interface ILineSplitter
{
    /// <summary>True for a line that holds no cells at all and is skipped, as R's read.table skips blank lines.</summary>
    bool IsBlank(ReadOnlySpan<char> line);

    /// <summary>
    /// Replaces <paramref name="cells"/> with the ranges of the line's cells (quotes and padding
    /// included). False when a quote is not closed; the last range is then the unclosed cell.
    /// </summary>
    bool TrySplit(ReadOnlySpan<char> line, List<Range> cells);
}
