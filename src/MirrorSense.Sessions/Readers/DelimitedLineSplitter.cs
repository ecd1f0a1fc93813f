namespace MirrorSense.Sessions.Readers;

/// <summary>
/// Cells separated by one delimiter character, RFC-4180 style: every delimiter separates (so empty
/// cells exist), and a double-quoted cell may contain the delimiter and doubled quotes.
/// </summary>
internal sealed class DelimitedLineSplitter(char delimiter) : ILineSplitter
{
    // Padding that may stand before an opening quote; the delimiter itself never counts as padding.
    private readonly string padding = delimiter == '\t' ? " " : " \t";

    public bool IsBlank(ReadOnlySpan<char> line) => line.TrimStart(padding).IsEmpty;

    public bool TrySplit(ReadOnlySpan<char> line, List<Range> cells)
    {
        cells.Clear();
        var start = 0;
        while (true)
        {
            var searchFrom = start;
            var first = line[start..].IndexOfAnyExcept(padding);
            if (first >= 0 && line[start + first] == '"')
            {
                var close = Quotes.IndexOfClosing(line, start + first);
                if (close < 0)
                {
                    cells.Add(start..line.Length);
                    return false;
                }
                searchFrom = close + 1;
            }
            var next = line[searchFrom..].IndexOf(delimiter);
            if (next < 0)
            {
                // A trailing delimiter leaves an empty last cell here, which is a missing value.
                cells.Add(start..line.Length);
                return true;
            }
            cells.Add(start..(searchFrom + next));
            start = searchFrom + next + 1;
        }
    }
}
