using System.Globalization;

namespace MirrorSense.Sessions.Readers;

/// <summary>One column of a table, either by its 1-based position or by its header name.</summary>
public readonly record struct ColumnReference
{
    private ColumnReference(int? index, string? name)
    {
        Index = index;
        Name = name;
    }

    /// <summary>The 1-based position, when the column is selected by position.</summary>
    public int? Index { get; }

    /// <summary>The header name (unquoted), when the column is selected by name.</summary>
    public string? Name { get; }

    public static ColumnReference AtIndex(int oneBasedIndex)
    {
        // 1-based because that is how researchers (and R) count columns.
        ArgumentOutOfRangeException.ThrowIfLessThan(oneBasedIndex, 1);
        return new(oneBasedIndex, null);
    }

    public static ColumnReference Named(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(null, name);
    }

    public override string ToString() =>
        Index is int index
            ? index.ToString(CultureInfo.InvariantCulture)
            : "\"" + Name!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
