using System.Collections.Immutable;

namespace MirrorSense.Synchrony.Mirroring;

/// <summary>
/// One component of a posture descriptor and its mirror image: the component of the other body side
/// it swaps with (itself for midline components) and whether its sign flips (sideways lean, head roll).
/// </summary>
public sealed record PostureComponent(string Name, string MirrorName, bool FlipsSign)
{
    public static PostureComponent Midline(string name, bool flipsSign) => new(name, name, flipsSign);
}

/// <summary>
/// The components of a posture descriptor and how a mirror image maps them (MEASURES.md §3):
/// B's mirror image has left and right swapped and sideways signs flipped.
/// </summary>
public sealed class PostureSchema
{
    public PostureSchema(IEnumerable<PostureComponent> components)
    {
        Components = [.. components];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Components.Length; i++)
        {
            if (!index.TryAdd(Components[i].Name, i))
                throw new ArgumentException($"The posture component '{Components[i].Name}' is listed twice.");
        }

        var mirrors = new int[Components.Length];
        for (var i = 0; i < Components.Length; i++)
        {
            var component = Components[i];
            if (!index.TryGetValue(component.MirrorName, out var mirror))
                throw new ArgumentException($"The mirror of '{component.Name}' is '{component.MirrorName}', which is not a component.");
            var back = Components[mirror];
            if (back.MirrorName != component.Name || back.FlipsSign != component.FlipsSign)
                throw new ArgumentException($"'{component.Name}' and '{component.MirrorName}' must name each other as mirrors with the same sign rule.");
            mirrors[i] = mirror;
        }

        MirrorIndex = [.. mirrors];
    }

    public ImmutableArray<PostureComponent> Components { get; }

    /// <summary>For component i, the component of the mirror image that stands in its place.</summary>
    public ImmutableArray<int> MirrorIndex { get; }

    public int Count => Components.Length;

    /// <summary>
    /// The descriptor of the mirror image of a posture: each value moved to its mirror component, the
    /// sideways ones with their sign flipped. Mirroring twice gives the posture back.
    /// </summary>
    public double[] Mirror(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Count)
            throw new ArgumentException($"The schema has {Count} components; the descriptor has {values.Count} values.", nameof(values));
        var mirrored = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            var value = values[MirrorIndex[i]];
            mirrored[i] = Components[i].FlipsSign ? -value : value;
        }

        return mirrored;
    }
}
