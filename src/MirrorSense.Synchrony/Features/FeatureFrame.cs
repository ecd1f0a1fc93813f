using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// Both participants' feature values at one frame's media time, before resampling: one value per
/// feature name of the stream (for body features <see cref="BodyFeatures.Names"/>), NaN where a
/// participant is absent or a feature could not be measured.
/// </summary>
public sealed record FeatureFrame(MediaTime Time, ImmutableArray<double> A, ImmutableArray<double> B)
{
    public ImmutableArray<double> this[Participant participant] => participant == Participant.A ? A : B;
}

/// <summary>
/// Both participants' feature values at grid point <paramref name="Index"/> (media time
/// origin + Index / rate): the input of every measure. NaN where a participant is absent or a gap was
/// too long to bridge.
/// </summary>
public sealed record FeatureSample(MediaTime Time, long Index, ImmutableArray<double> A, ImmutableArray<double> B)
{
    public ImmutableArray<double> this[Participant participant] => participant == Participant.A ? A : B;
}
