using System.Buffers;

namespace MirrorSense.Sessions.Readers;

/// <summary>Cells separated by runs of spaces and tabs (R's <c>sep = ""</c>); a double-quoted cell may contain whitespace.</summary>
internal sealed class WhitespaceLineSplitter : ILineSplitter
{
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t");

    public bool IsBlank(ReadOnlySpan<char> line) => !line.ContainsAnyExcept(Whitespace);

    public bool TrySplit(ReadOnlySpan<char> line, List<Range> cells)
    {
        cells.Clear();
        var position = 0;
        while (true)
        {
            var skipped = line[position..].IndexOfAnyExcept(Whitespace);
            if (skipped < 0)
                return true;
            var start = position + skipped;
            var searchFrom = start;
            if (line[start] == '"')
            {
                var close = Quotes.IndexOfClosing(line, start);
                if (close < 0)
                {
                    cells.Add(start..line.Length);
                    return false;
                }
                searchFrom = close + 1;
            }
            var gap = line[searchFrom..].IndexOfAny(Whitespace);
            var end = gap < 0 ? line.Length : searchFrom + gap;
            cells.Add(start..end);
            position = end;
        }
    }
}
