using System.Collections.Immutable;

namespace MirrorSense.Sessions.Readers;

/// <summary>The column names of a table, and the place they were read from, to resolve a selection against.</summary>
internal sealed class HeaderRow(string filePath, int line, ImmutableArray<string> names)
{
    // Enough to recognise the file; OpenFace CSVs have hundreds of columns.
    private const int ListedNames = 30;

    public int Line { get; } = line;

    public int Count => names.Length;

    /// <summary>"2 (th)" for messages about column index 1 (0-based).</summary>
    public string Describe(int index) => $"{index + 1} (\"{names[index]}\")";

    /// <summary>The 0-based position of <paramref name="column"/>.</summary>
    /// <exception cref="SeriesFormatException">Out of range, unknown or ambiguous.</exception>
    public int Resolve(ColumnReference column)
    {
        if (column.Index is int index)
        {
            if (index > names.Length)
                throw new SeriesFormatException(filePath, Line, index,
                    $"column {index} was selected but the header has {names.Length} column(s): {Available()}");
            return index - 1;
        }

        // default(ColumnReference) has neither; it can only come from a programming mistake.
        var name = column.Name ?? throw new ArgumentException("The column reference has neither a position nor a name.", nameof(column));
        var found = -1;
        for (var i = 0; i < names.Length; i++)
        {
            if (!string.Equals(names[i], name, StringComparison.Ordinal))
                continue;
            if (found >= 0)
                throw new SeriesFormatException(filePath, Line, i + 1,
                    $"column name \"{name}\" is ambiguous: columns {found + 1} and {i + 1} both have it; select by position instead");
            found = i;
        }
        if (found < 0)
            throw new SeriesFormatException(filePath, Line, null,
                $"expected a column named \"{name}\" but the header has: {Available()}");
        return found;
    }

    private string Available()
    {
        var listed = string.Join(", ", Enumerable.Range(0, Math.Min(names.Length, ListedNames)).Select(Describe));
        return names.Length > ListedNames ? $"{listed}, … and {names.Length - ListedNames} more" : listed;
    }
}
