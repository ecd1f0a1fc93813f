namespace MirrorSense.Sessions.Readers;

internal static class Quotes
{
    /// <summary>The index of the quote closing the one at <paramref name="open"/>, stepping over doubled quotes; -1 when unclosed.</summary>
    public static int IndexOfClosing(ReadOnlySpan<char> line, int open)
    {
        var position = open + 1;
        while (position < line.Length)
        {
            var next = line[position..].IndexOf('"');
            if (next < 0)
                return -1;
            var quote = position + next;
            if (quote + 1 < line.Length && line[quote + 1] == '"')
            {
                position = quote + 2;
                continue;
            }
            return quote;
        }
        return -1;
    }
}
