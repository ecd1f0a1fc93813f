using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Mirroring;

/// <summary>
/// Both participants' posture descriptors on one grid: one series per component (NaN = not visible).
/// </summary>
public sealed record PostureSeries
{
    public PostureSeries(string name, PostureSchema schema, double sampleRate, ImmutableArray<ImmutableArray<double>> a, ImmutableArray<ImmutableArray<double>> b)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (a.Length != schema.Count || b.Length != schema.Count)
            throw new ArgumentException($"'{name}': the schema has {schema.Count} components but A has {a.Length} and B {b.Length}.");
        var length = a.IsEmpty ? 0 : a[0].Length;
        if (a.Any(s => s.Length != length) || b.Any(s => s.Length != length))
            throw new ArgumentException($"'{name}': every component of A and B must have the same number of samples.");
        Name = name;
        Schema = schema;
        SampleRate = sampleRate;
        A = a;
        B = b;
        Length = length;
    }

    public string Name { get; }
    public PostureSchema Schema { get; }
    public double SampleRate { get; }
    public ImmutableArray<ImmutableArray<double>> A { get; }
    public ImmutableArray<ImmutableArray<double>> B { get; }
    public int Length { get; }

    /// <summary>Component i of A against the matching component of B, as is (anatomical) or of B's mirror image.</summary>
    public DyadSeries Pair(int component, bool mirrored)
    {
        var partner = mirrored ? Schema.MirrorIndex[component] : component;
        var b = B[partner];
        if (mirrored && Schema.Components[component].FlipsSign)
            b = [.. b.Select(v => -v)];
        return new DyadSeries($"{Name}:{Schema.Components[component].Name}", SampleRate, A[component], b);
    }

    /// <summary>The same descriptors with A's and B's samples reordered (surrogates), components kept together.</summary>
    public PostureSeries WithSeries(ImmutableArray<ImmutableArray<double>> a, ImmutableArray<ImmutableArray<double>> b, string? name = null) =>
        new(name ?? Name, Schema, SampleRate, a, b);
}
