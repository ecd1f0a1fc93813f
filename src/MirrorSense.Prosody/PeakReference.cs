namespace MirrorSense.Prosody;

/// <summary>
/// The amplitude that Praat's silence threshold is relative to. Praat uses the absolute peak of the whole
/// (mean-subtracted) sound, which a live stream cannot know in advance; a stream therefore either takes a fixed
/// peak (e.g. the calibrated full scale of the microphone) or the running peak of everything heard so far, up to
/// the end of the frame being decided, which depends only on the signal and never on how it was cut into blocks.
/// </summary>
public sealed record PeakReference
{
    private PeakReference(double? fixedPeak) => FixedPeak = fixedPeak;

    /// <summary>The fixed peak, or null for the running peak.</summary>
    public double? FixedPeak { get; }

    public bool IsRunning => FixedPeak is null;

    /// <summary>The running absolute peak from the start of the stream to the end of each frame's window.</summary>
    public static PeakReference Running { get; } = new((double?)null);

    public static PeakReference Fixed(double peak)
    {
        if (!(peak >= 0) || !double.IsFinite(peak))
            throw new ArgumentOutOfRangeException(nameof(peak), peak, "The reference peak must be a finite amplitude ≥ 0.");
        return new PeakReference(peak);
    }

    /// <summary>Praat's global peak: the largest absolute deviation from the signal's mean.</summary>
    public static PeakReference OfWholeSignal(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty)
            return Fixed(0);
        var sum = 0.0;
        foreach (var s in samples)
            sum += s;
        var mean = sum / samples.Length;
        var peak = 0.0;
        foreach (var s in samples)
            peak = Math.Max(peak, Math.Abs(s - mean));
        return Fixed(peak);
    }
}
