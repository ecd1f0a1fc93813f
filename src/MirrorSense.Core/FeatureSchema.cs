using System.Collections.Immutable;

namespace MirrorSense.Core;

/// <summary>
/// What each value of a feature row means: the features' names, in order. Every <see cref="FeatureFrame"/> and
/// <see cref="FeatureSample"/> carries its schema, so a stage finds a feature by its name and a stage that adds
/// features says which, instead of everyone keeping positions in step by hand.
/// </summary>
public sealed class FeatureSchema : IEquatable<FeatureSchema>
{
    private readonly Dictionary<string, int> _positions;

    /// <exception cref="ArgumentException">A name is empty or given twice.</exception>
    public FeatureSchema(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = [.. names];
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(Names[i]))
                throw new ArgumentException($"Feature {i + 1} of the schema has no name.", nameof(names));
            if (!positions.TryAdd(Names[i], i))
                throw new ArgumentException($"The feature '{Names[i]}' is named twice in the schema.", nameof(names));
        }

        _positions = positions;
    }

    /// <summary>No features.</summary>
    public static FeatureSchema Empty { get; } = new([]);

    public ImmutableArray<string> Names { get; }

    public int Count => Names.Length;

    public bool Contains(string name) => _positions.ContainsKey(name);

    /// <summary>The position of <paramref name="name"/> in each row.</summary>
    /// <exception cref="ArgumentException">The rows have no such feature (the message lists the ones they have).</exception>
    public int IndexOf(string name) => _positions.TryGetValue(name, out var index)
        ? index
        : throw new ArgumentException($"The feature rows have no '{name}'; they have {string.Join(", ", Names)}.", nameof(name));

    /// <summary>This schema's features followed by <paramref name="more"/>'s.</summary>
    public FeatureSchema Then(FeatureSchema more)
    {
        ArgumentNullException.ThrowIfNull(more);
        if (more.Count == 0)
            return this;
        return Count == 0 ? more : new FeatureSchema([.. Names, .. more.Names]);
    }

    public bool Equals(FeatureSchema? other) =>
        other is not null && (ReferenceEquals(this, other) || Names.AsSpan().SequenceEqual(other.Names.AsSpan()));

    public override bool Equals(object? obj) => Equals(obj as FeatureSchema);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var name in Names)
            hash.Add(name, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(",", Names);
}
