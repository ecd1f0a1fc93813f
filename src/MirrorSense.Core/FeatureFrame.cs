using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace MirrorSense.Core;

/// <summary>
/// Both participants' feature values at one frame's media time, before resampling: one value per feature of
/// <paramref name="Schema"/>, NaN where a participant is absent or a feature could not be measured.
/// </summary>
public sealed record FeatureFrame(MediaTime Time, FeatureSchema Schema, ImmutableArray<double> A, ImmutableArray<double> B)
{
    public ImmutableArray<double> this[Participant participant] => participant == Participant.A ? A : B;

    /// <summary>The value of the feature named <paramref name="feature"/> for <paramref name="participant"/>.</summary>
    public double Value(Participant participant, string feature) => this[participant][Schema.IndexOf(feature)];

    /// <summary>This frame with <paramref name="more"/> features after its own, A's and B's values for them given.</summary>
    public FeatureFrame Then(FeatureSchema more, ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        new(Time, Schema.Then(more), FeatureRows.Concat(A, a, more), FeatureRows.Concat(B, b, more));
}

/// <summary>
/// Both participants' feature values at grid point <paramref name="Index"/> (media time origin + Index / rate): the
/// input of every measure. One value per feature of <paramref name="Schema"/>; NaN where a participant is absent or
/// a gap was too long to bridge.
/// </summary>
public sealed record FeatureSample(MediaTime Time, long Index, FeatureSchema Schema, ImmutableArray<double> A, ImmutableArray<double> B)
{
    public ImmutableArray<double> this[Participant participant] => participant == Participant.A ? A : B;

    /// <summary>The value of the feature named <paramref name="feature"/> for <paramref name="participant"/>.</summary>
    public double Value(Participant participant, string feature) => this[participant][Schema.IndexOf(feature)];

    /// <summary>This sample with <paramref name="more"/> features after its own, A's and B's values for them given.</summary>
    public FeatureSample Then(FeatureSchema more, ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        new(Time, Index, Schema.Then(more), FeatureRows.Concat(A, a, more), FeatureRows.Concat(B, b, more));
}

internal static class FeatureRows
{
    public static ImmutableArray<double> Concat(ImmutableArray<double> values, ReadOnlySpan<double> more, FeatureSchema schema)
    {
        if (more.Length != schema.Count)
            throw new ArgumentException($"{more.Length} values were given for the {schema.Count} features {schema}.");
        var row = new double[values.Length + more.Length];
        values.AsSpan().CopyTo(row);
        more.CopyTo(row.AsSpan(values.Length));
        return ImmutableCollectionsMarshal.AsImmutableArray(row);
    }
}
