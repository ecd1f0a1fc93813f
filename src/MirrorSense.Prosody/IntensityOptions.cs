namespace MirrorSense.Prosody;

/// <summary>
/// Settings of the intensity contour, with the defaults of Praat's "To Intensity: 100, 0, yes": a Kaiser–Bessel
/// window of 6.4 periods of the minimum pitch (64 ms at 100 Hz), so that periodic speech gives a smooth contour.
/// </summary>
public sealed record IntensityOptions
{
    /// <summary>Lowest pitch the contour should not ripple at (Hz); sets the window. Default 100.</summary>
    public double MinimumPitchHz { get; init; } = 100.0;

    /// <summary>Frame step (s); null means Praat's automatic 0.8 / minimum pitch (a quarter of 3.2 periods), 8 ms at 100 Hz.</summary>
    public double? TimeStepSeconds { get; init; }

    /// <summary>Subtract each window's mean pressure before squaring, against DC offsets. Default true.</summary>
    public bool SubtractMean { get; init; } = true;

    public double TimeStep => TimeStepSeconds ?? 0.8 / MinimumPitchHz;

    /// <summary>The physical window length (s): 6.4 / minimum pitch.</summary>
    public double WindowSeconds => 6.4 / MinimumPitchHz;

    public void Validate()
    {
        if (!(MinimumPitchHz > 0) || !double.IsFinite(MinimumPitchHz))
            throw new ArgumentException($"Minimum pitch must be a positive frequency, not {MinimumPitchHz} Hz.");
        if (TimeStepSeconds is { } step && (!(step > 0) || !double.IsFinite(step)))
            throw new ArgumentException($"Time step must be positive or null (automatic), not {step} s.");
    }
}
