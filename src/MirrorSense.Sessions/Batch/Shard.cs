using System.Globalization;

namespace MirrorSense.Sessions.Batch;

/// <summary>
/// Part <see cref="Index"/> of <see cref="Count"/> of a manifest (1-based, as in <c>--shard 2/8</c>): the rows whose
/// 0-based position modulo <see cref="Count"/> is <see cref="Index"/> − 1. The parts of one count cover every row once.
/// </summary>
public readonly record struct Shard
{
    public Shard(int index, int count)
    {
        if (count < 1 || index < 1 || index > count)
            throw new ArgumentOutOfRangeException(nameof(index), $"a shard is i/N with 1 ≤ i ≤ N; {index}/{count} is not.");
        Index = index;
        Count = count;
    }

    /// <summary>The whole manifest.</summary>
    public static Shard All { get; } = new(1, 1);

    public int Index { get; }

    public int Count { get; }

    public bool IsWhole => Count == 1;

    public bool Includes(int row) => row % Count == Index - 1;

    /// <summary>Reads <c>i/N</c>; null with the reason when the text is not one.</summary>
    public static Shard? TryParse(string text, out string? problem)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            problem = null;
            return new Shard(index, count);
        }

        problem = $"'{text}' is not a shard: expected i/N with 1 ≤ i ≤ N (e.g. 1/4 … 4/4; i is 1-based).";
        return null;
    }

    /// <summary>"" for the whole manifest, "-2-of-8" for a shard: keeps the shards' own files apart in one folder.</summary>
    public string FileSuffix => IsWhole ? "" : string.Create(CultureInfo.InvariantCulture, $"-{Index}-of-{Count}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
