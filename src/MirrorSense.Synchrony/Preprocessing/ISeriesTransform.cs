using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Preprocessing;

/// <summary>One pre-processing step applied to each participant's series independently.</summary>
public interface ISeriesTransform
{
    ImmutableArray<double> Apply(ImmutableArray<double> series, double sampleRate);
}

public static class SeriesTransformExtensions
{
    /// <summary>Applies the steps in order to both series of the dyad.</summary>
    public static DyadSeries Apply(this DyadSeries dyad, params IEnumerable<ISeriesTransform> steps)
    {
        foreach (var step in steps)
            dyad = dyad.WithSeries(step.Apply(dyad.A, dyad.SampleRate), step.Apply(dyad.B, dyad.SampleRate));
        return dyad;
    }
}
