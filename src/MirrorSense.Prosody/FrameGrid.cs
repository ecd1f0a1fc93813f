namespace MirrorSense.Prosody;

/// <summary>
/// Where analysis frames sit: frame k is centred <see cref="FirstCentreSeconds"/> + k · <see cref="StepSeconds"/>
/// after the start of the signal's domain (the start of its first sample), for k &lt; <see cref="Count"/> when a count is
/// known. Praat places frames symmetrically in the whole signal, which needs its length; a live stream has no length,
/// so it anchors the first frame half a window after the start. Both are grids of this one type.
/// </summary>
public sealed record FrameGrid
{
    public FrameGrid(double firstCentreSeconds, double stepSeconds, int? count = null)
    {
        if (!double.IsFinite(firstCentreSeconds) || firstCentreSeconds < 0)
            throw new ArgumentOutOfRangeException(nameof(firstCentreSeconds), firstCentreSeconds, "The first frame centre must be a finite, non-negative time.");
        if (!(stepSeconds > 0) || !double.IsFinite(stepSeconds))
            throw new ArgumentOutOfRangeException(nameof(stepSeconds), stepSeconds, "The time step must be a positive number of seconds.");
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, "The frame count cannot be negative.");
        FirstCentreSeconds = firstCentreSeconds;
        StepSeconds = stepSeconds;
        Count = count;
    }

    public double FirstCentreSeconds { get; }
    public double StepSeconds { get; }

    /// <summary>The number of frames, or null for an open-ended (live) grid.</summary>
    public int? Count { get; }

    /// <summary>The centre of frame <paramref name="index"/>, computed as Praat computes it (x1 + (i − 1)·dx).</summary>
    public double CentreOf(long index) => FirstCentreSeconds + index * StepSeconds;

    public bool Contains(long index) => index >= 0 && (Count is null || index < Count.Value);

    /// <summary>
    /// Praat's Sampled_shortTermAnalysis: as many windows of <paramref name="windowSeconds"/> as fit in the signal,
    /// spaced by <paramref name="stepSeconds"/> and centred as a group in the signal's domain.
    /// </summary>
    public static FrameGrid ForWholeSignal(long sampleCount, double sampleRate, double windowSeconds, double stepSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        if (!(sampleRate > 0))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be positive.");
        var dx = 1.0 / sampleRate;
        // The same floating-point steps as Praat, so that frame counts agree at exact multiples of the step.
        var duration = dx * sampleCount;
        if (windowSeconds > duration)
            return new FrameGrid(windowSeconds / 2, stepSeconds, 0);
        var count = (int)Math.Floor((duration - windowSeconds) / stepSeconds) + 1;
        var x1 = 0.5 * dx;
        var midTime = x1 - 0.5 * dx + 0.5 * duration;
        var first = midTime - 0.5 * (count * stepSeconds) + 0.5 * stepSeconds;
        return new FrameGrid(first, stepSeconds, count);
    }

    /// <summary>An open-ended grid for live streams: the first window starts at the first sample.</summary>
    public static FrameGrid ForStream(double windowSeconds, double stepSeconds) => new(windowSeconds / 2, stepSeconds);
}
