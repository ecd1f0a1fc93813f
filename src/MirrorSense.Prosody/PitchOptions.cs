namespace MirrorSense.Prosody;

/// <summary>
/// Settings of the autocorrelation pitch analysis, with the defaults of Praat's "To Pitch (ac)..." as used by
/// "To Pitch: 0, 75, 600" (Boersma 1993). Change them with a <c>with</c> expression.
/// </summary>
public sealed record PitchOptions
{
    /// <summary>Lowest detectable f0 (Hz); also sets the window length (<see cref="PeriodsPerWindow"/> periods of it). Default 75.</summary>
    public double FloorHz { get; init; } = 75.0;

    /// <summary>Highest f0 (Hz); candidates above it count as unvoiced. Default 600 (clipped to the Nyquist frequency).</summary>
    public double CeilingHz { get; init; } = 600.0;

    /// <summary>Frame step (s); null means Praat's automatic 0.75 / floor (= <see cref="PeriodsPerWindow"/> / floor / 4), 10 ms at 75 Hz.</summary>
    public double? TimeStepSeconds { get; init; }

    /// <summary>Window length in periods of the floor; 3 gives Praat's 40 ms Hanning window at 75 Hz.</summary>
    public double PeriodsPerWindow { get; init; } = 3.0;

    /// <summary>Maximum number of candidates per frame, the unvoiced one included. Default 15.</summary>
    public int MaxCandidates { get; init; } = 15;

    /// <summary>Frames whose local peak is below this fraction of the reference peak tend to be unvoiced. Default 0.03.</summary>
    public double SilenceThreshold { get; init; } = 0.03;

    /// <summary>Strength of the unvoiced candidate; higher values give fewer voiced frames. Default 0.45.</summary>
    public double VoicingThreshold { get; init; } = 0.45;

    /// <summary>Favours higher candidates per octave, against sub-harmonic errors. Default 0.01 per octave.</summary>
    public double OctaveCost { get; init; } = 0.01;

    /// <summary>Cost of an octave jump between voiced frames (scaled by 0.01 s / time step). Default 0.35.</summary>
    public double OctaveJumpCost { get; init; } = 0.35;

    /// <summary>Cost of a voiced/unvoiced transition (scaled by 0.01 s / time step). Default 0.14.</summary>
    public double VoicedUnvoicedCost { get; init; } = 0.14;

    /// <summary>
    /// How far the Viterbi path may lag behind the newest analysed frame before the oldest undecided frame is decided
    /// on the best path so far. Frames are normally committed earlier, as soon as all surviving paths agree on them,
    /// which is exactly what a whole-signal Viterbi decides. On conversational speech (test-A) that takes 30 ms
    /// median, 50 ms at the 99th percentile and 160 ms at most; perfectly periodic synthetic tones, whose octave
    /// candidates are nearly as strong as f0, can keep paths apart for ~0.35 s. Default 0.5 s.
    /// </summary>
    public double MaximumPathLatencySeconds { get; init; } = 0.5;

    public double TimeStep => TimeStepSeconds ?? PeriodsPerWindow / FloorHz / 4.0;

    /// <summary>The nominal window length (s): <see cref="PeriodsPerWindow"/> / <see cref="FloorHz"/>.</summary>
    public double WindowSeconds => PeriodsPerWindow / FloorHz;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (!(FloorHz > 0) || !double.IsFinite(FloorHz))
            throw new ArgumentException($"Pitch floor must be a positive frequency, not {FloorHz} Hz.");
        if (!(CeilingHz > FloorHz) || !double.IsFinite(CeilingHz))
            throw new ArgumentException($"Pitch ceiling ({CeilingHz} Hz) must be above the floor ({FloorHz} Hz).");
        if (TimeStepSeconds is { } step && (!(step > 0) || !double.IsFinite(step)))
            throw new ArgumentException($"Time step must be positive or null (automatic), not {step} s.");
        if (!(PeriodsPerWindow >= 1) || !double.IsFinite(PeriodsPerWindow))
            throw new ArgumentException($"Periods per window must be at least 1, not {PeriodsPerWindow}.");
        if (MaxCandidates < 2)
            throw new ArgumentException($"At least 2 candidates are needed (unvoiced and one voiced), not {MaxCandidates}.");
        if (!(SilenceThreshold >= 0) || !(VoicingThreshold >= 0) || !(OctaveCost >= 0) || !(OctaveJumpCost >= 0) || !(VoicedUnvoicedCost >= 0))
            throw new ArgumentException("Thresholds and costs must be non-negative numbers.");
        if (!(MaximumPathLatencySeconds >= 0) || !double.IsFinite(MaximumPathLatencySeconds))
            throw new ArgumentException($"Maximum path latency must be a finite, non-negative duration, not {MaximumPathLatencySeconds} s.");
    }
}
