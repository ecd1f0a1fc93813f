using System.Globalization;

namespace MirrorSense.Sessions.Readers;

/// <summary>Which two columns of a table hold participant A and participant B.</summary>
public sealed record ColumnSelection(ColumnReference A, ColumnReference B)
{
    /// <summary>The first two columns: A then B, as rMEA files are laid out (patient, therapist).</summary>
    public static ColumnSelection Default { get; } = new(ColumnReference.AtIndex(1), ColumnReference.AtIndex(2));

    /// <summary>
    /// Parses "A,B" where each side is a 1-based index (<c>1,2</c>) or a header name (<c>pat,th</c>,
    /// <c>"pat","th"</c>). Quote a name that looks like a number or contains a comma.
    /// </summary>
    /// <exception cref="FormatException">The text is not exactly two valid column references.</exception>
    public static ColumnSelection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<Range>(2);
        var complete = new DelimitedLineSplitter(',').TrySplit(text, parts);
        if (!complete)
            throw Invalid(text, "a quote is not closed");
        if (parts.Count != 2)
            throw Invalid(text, $"found {parts.Count} part(s)");
        return new(ParseReference(text, text.AsSpan()[parts[0]]), ParseReference(text, text.AsSpan()[parts[1]]));
    }

    public override string ToString() => $"{A},{B}";

    private static ColumnReference ParseReference(string text, ReadOnlySpan<char> part)
    {
        var trimmed = part.Trim(" \t");
        if (trimmed.IsEmpty)
            throw Invalid(text, "a column is empty");
        // Only an unquoted run of digits is a position: a quoted "2" is a header named 2.
        if (trimmed[0] != '"' && !trimmed.ContainsAnyExceptInRange('0', '9'))
        {
            if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1)
                throw Invalid(text, $"column positions count from 1, but found {trimmed}");
            return ColumnReference.AtIndex(index);
        }
        var name = CellText.Name(trimmed);
        if (name.Length == 0)
            throw Invalid(text, "a column name is empty");
        return ColumnReference.Named(name);
    }

    private static FormatException Invalid(string text, string problem) =>
        new($"Expected two columns, A then B, as 1-based positions or header names (\"1,2\" or \"pat,th\"), but in \"{text}\" {problem}.");
}
