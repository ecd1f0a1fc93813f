using System.Collections.Immutable;
using System.Runtime.InteropServices;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// Gathers grid samples into a <see cref="FeatureSeries"/> as they arrive, keeping only the features asked for. A long
/// session's samples are not held on the way: a four-hour session has 432,000 grid points of some forty features per
/// person, of which the measures read about ten.
/// </summary>
public sealed class FeatureSeriesBuilder
{
    private readonly FeatureSchema _samples;
    private readonly int[] _positions;
    private readonly FeatureGridOptions _grid;
    private readonly double[][] _a;
    private readonly double[][] _b;
    private int _capacity = 1024;

    /// <param name="schema">The features every sample carries.</param>
    /// <param name="keep">The features to keep (those of <paramref name="schema"/> it names, in the schema's order); null keeps all.</param>
    /// <param name="grid">The grid the samples lie on.</param>
    public FeatureSeriesBuilder(FeatureSchema schema, IEnumerable<string>? keep = null, FeatureGridOptions? grid = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _samples = schema;
        var wanted = keep?.ToHashSet(StringComparer.Ordinal);
        Schema = wanted is null ? schema : new FeatureSchema(schema.Names.Where(wanted.Contains));
        _positions = [.. Schema.Names.Select(schema.IndexOf)];
        _grid = grid ?? FeatureGridOptions.Default;
        _a = [.. _positions.Select(_ => new double[_capacity])];
        _b = [.. _positions.Select(_ => new double[_capacity])];
    }

    /// <summary>The features kept.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>How many grid samples have been added.</summary>
    public int Length { get; private set; }

    /// <summary>Adds the next grid sample: consecutive from index 0, of the schema given.</summary>
    public void Add(FeatureSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Index != Length)
            throw new ArgumentException($"Grid samples must be consecutive from index 0; got index {sample.Index} where {Length} was due.", nameof(sample));
        if (!sample.Schema.Equals(_samples))
            throw new ArgumentException($"The grid sample at {sample.Time} has the features {sample.Schema}, not {_samples}.", nameof(sample));
        if (sample.A.Length != _samples.Count || sample.B.Length != _samples.Count)
            throw new ArgumentException($"The grid sample at {sample.Time} has {sample.A.Length} values for {_samples.Count} features.", nameof(sample));
        if (Length == _capacity)
            Grow();
        for (var f = 0; f < _positions.Length; f++)
        {
            _a[f][Length] = sample.A[_positions[f]];
            _b[f][Length] = sample.B[_positions[f]];
        }

        Length++;
    }

    /// <summary>The series gathered so far.</summary>
    public FeatureSeries ToSeries() => new(Schema, _grid, [.. _a.Select(Trimmed)], [.. _b.Select(Trimmed)], Length);

    private ImmutableArray<double> Trimmed(double[] values) => ImmutableCollectionsMarshal.AsImmutableArray(values[..Length]);

    private void Grow()
    {
        _capacity *= 2;
        for (var f = 0; f < _positions.Length; f++)
        {
            Array.Resize(ref _a[f], _capacity);
            Array.Resize(ref _b[f], _capacity);
        }
    }
}
