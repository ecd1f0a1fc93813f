using MirrorSense.Core;

namespace MirrorSense.Synchrony.Episodes;

/// <summary>The value of a measure over one analysis window, with the lag it was found at (positive: B follows A).</summary>
public readonly record struct WindowValue(MediaTime Start, MediaTime End, double Value, double LagSeconds);

/// <summary>
/// A stretch where a measure stayed above its chance baseline: when, how strong (mean value over the
/// stretch), who led (from the median lag; null at lag 0) and at what lag.
/// </summary>
public sealed record CoordinationEpisode(string Measure, MediaTime Start, MediaTime End, double Strength, Participant? Leader, double LagSeconds)
{
    public TimeSpan Duration => End - Start;
}
