using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Bench.Calibration;

/// <summary>rMEA's shuffle on feature grids: one session's A with another session's B, who never saw each other.</summary>
internal static class PseudoDyadFeatures
{
    /// <summary>A pseudo-dyad: A of one session with B of another, cut to the shorter, on the first one's grid.</summary>
    public static FeatureSeries Combine(FeatureSeries withA, FeatureSeries withB)
    {
        var schema = new FeatureSchema(withA.Names.Intersect(withB.Names));
        var names = schema.Names;
        var length = Math.Min(withA.Length, withB.Length);
        var a = names.Select(n => withA.Of(Participant.A, n)).ToArray();
        var b = names.Select(n => withB.Of(Participant.B, n)).ToArray();
        var samples = Enumerable.Range(0, length).Select(i => new FeatureSample(
            withA.Grid.Origin + TimeSpan.FromSeconds(i / withA.Grid.SampleRate), i, schema, [.. a.Select(s => s[i])], [.. b.Select(s => s[i])]));
        return FeatureSeries.Collect(samples, schema, withA.Grid);
    }
}
