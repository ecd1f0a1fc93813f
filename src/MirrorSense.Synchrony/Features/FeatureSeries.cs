using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Mirroring;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// Grid samples gathered into one series per participant and feature, for the whole-session measures:
/// <see cref="Posture"/> feeds <see cref="PostureMirroring"/>, <see cref="Dyad"/> the windowed
/// cross-correlation (gesture synchrony on motion energy).
/// </summary>
public sealed class FeatureSeries
{
    private readonly ImmutableArray<ImmutableArray<double>> _a;
    private readonly ImmutableArray<ImmutableArray<double>> _b;

    internal FeatureSeries(FeatureSchema schema, FeatureGridOptions grid, ImmutableArray<ImmutableArray<double>> a, ImmutableArray<ImmutableArray<double>> b, int length)
    {
        Schema = schema;
        Grid = grid;
        _a = a;
        _b = b;
        Length = length;
    }

    /// <summary>The features, in order.</summary>
    public FeatureSchema Schema { get; }
    public ImmutableArray<string> Names => Schema.Names;
    public FeatureGridOptions Grid { get; }
    public int Length { get; }

    /// <summary>
    /// Gathers consecutive grid samples (as <see cref="FeatureGrid.Resample"/> or
    /// <see cref="FeatureObservable.ResampleToGrid"/> give them), each of <paramref name="schema"/> (which names the
    /// series when there are no samples).
    /// </summary>
    public static FeatureSeries Collect(IEnumerable<FeatureSample> samples, FeatureSchema schema, FeatureGridOptions? grid = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var builder = new FeatureSeriesBuilder(schema, grid: grid);
        foreach (var sample in samples)
            builder.Add(sample);
        return builder.ToSeries();
    }

    /// <summary>One participant's series of one feature (NaN = missing).</summary>
    public ImmutableArray<double> Of(Participant participant, string feature)
    {
        var index = Schema.IndexOf(feature);
        return participant == Participant.A ? _a[index] : _b[index];
    }

    /// <summary>Both participants' series of one feature, e.g. <c>motion_arms</c> for gesture synchrony.</summary>
    public DyadSeries Dyad(string feature, string? name = null) =>
        new(name ?? feature, Grid.SampleRate, Of(Participant.A, feature), Of(Participant.B, feature));

    /// <summary>Both participants' posture descriptors, ready for <see cref="PostureMirroring.Compute"/>.</summary>
    public PostureSeries Posture(string name = "posture")
    {
        var schema = PostureDescriptor.Schema;
        return new PostureSeries(name, schema, Grid.SampleRate,
            [.. schema.Components.Select(c => Of(Participant.A, c.Name))],
            [.. schema.Components.Select(c => Of(Participant.B, c.Name))]);
    }
}
