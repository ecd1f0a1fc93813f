using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features;

/// <summary>Where the feature grid lies and which gaps it bridges (ARCHITECTURE.md, Time).</summary>
/// <param name="SampleRate">Grid points per second (30 Hz for body features).</param>
/// <param name="MaximumGapSeconds">
/// The longest stretch between two measured values that is bridged by linear interpolation: a few
/// frames where the detector lost a person. Longer gaps stay missing, because inventing a quarter of a
/// second or more of posture would put movement into the measures that nobody made.
/// </param>
/// <param name="Origin">Media time of grid point 0 (the session start); earlier frames only anchor interpolation.</param>
public sealed record FeatureGridOptions(double SampleRate = 30, double MaximumGapSeconds = 0.25, MediaTime Origin = default)
{
    public static FeatureGridOptions Default { get; } = new();

    /// <summary>
    /// Live pacing: a grid point leaves as soon as a frame at or after it has arrived, instead of once the frames
    /// have moved a whole gap past it. A feature missing in that one frame then stays missing at the point (it is
    /// not waited for), which is the price of showing a reading one frame after capture rather than a gap later.
    /// </summary>
    public bool ReleaseAtNextFrame { get; init; }

    /// <summary>Media time of grid point <paramref name="index"/>.</summary>
    public MediaTime TimeOf(long index) => new(Origin.Microseconds + MediaTime.OfSample(index, SampleRate).Microseconds);

    internal long MaximumGapMicroseconds => (long)Math.Round(MaximumGapSeconds * MediaTime.MicrosecondsPerSecond);

    internal void Validate()
    {
        if (!(SampleRate > 0) || double.IsInfinity(SampleRate))
            throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "The grid rate must be a positive number of samples per second.");
        if (!(MaximumGapSeconds >= 0) || double.IsInfinity(MaximumGapSeconds))
            throw new ArgumentOutOfRangeException(nameof(MaximumGapSeconds), MaximumGapSeconds, "The longest bridged gap must be zero or a positive number of seconds.");
    }
}
