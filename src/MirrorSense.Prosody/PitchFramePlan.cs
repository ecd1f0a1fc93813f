namespace MirrorSense.Prosody;

/// <summary>
/// The sample-level geometry of one pitch analysis at one sample rate, derived once from the options exactly as
/// Praat derives it (Sound_to_Pitch_any): window and period lengths in samples, lag range, FFT size.
/// </summary>
internal sealed record PitchFramePlan
{
    public PitchFramePlan(PitchOptions options, double sampleRate)
    {
        options.Validate();
        if (!(sampleRate > 0) || !double.IsFinite(sampleRate))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be positive.");
        Options = options;
        SampleRate = sampleRate;
        SamplePeriod = 1.0 / sampleRate;
        var dx = SamplePeriod;

        MaxCandidates = options.MaxCandidates < options.CeilingHz / options.FloorHz
            ? (int)Math.Floor(options.CeilingHz / options.FloorHz)
            : options.MaxCandidates;
        TimeStep = options.TimeStep;
        SamplesPerPeriod = (int)Math.Floor(1.0 / dx / options.FloorHz);
        HalfSamplesPerPeriod = SamplesPerPeriod / 2 + 1;
        Ceiling = Math.Min(options.CeilingHz, 0.5 / dx);
        WindowSeconds = options.PeriodsPerWindow / options.FloorHz;
        var windowSamples = (int)Math.Floor(WindowSeconds / dx);
        HalfWindowSamples = windowSamples / 2 - 1;
        if (HalfWindowSamples < 2)
            throw new ArgumentException($"A {WindowSeconds * 1000:0.#} ms window is too short at {sampleRate} Hz; lower the pitch floor or raise the sample rate.");
        WindowSamples = HalfWindowSamples * 2;
        MaximumLag = Math.Min((int)Math.Floor(WindowSamples / options.PeriodsPerWindow) + 2, WindowSamples);
        // Hanning window: correlation peaks are interpolated up to half a window of lag.
        InterpolationLags = (int)Math.Floor(WindowSamples * 0.5);
        var fftSize = 1;
        while (fftSize < WindowSamples * 1.5)
            fftSize *= 2;
        FftSize = fftSize;
    }

    public PitchOptions Options { get; }
    public double SampleRate { get; }
    public double SamplePeriod { get; }
    public double TimeStep { get; }
    public double WindowSeconds { get; }
    public double Ceiling { get; }
    public int MaxCandidates { get; }
    public int SamplesPerPeriod { get; }
    public int HalfSamplesPerPeriod { get; }
    public int WindowSamples { get; }
    public int HalfWindowSamples { get; }
    public int MaximumLag { get; }
    public int InterpolationLags { get; }
    public int FftSize { get; }

    /// <summary>
    /// The 0-based sample just left of (or at) time <paramref name="centreSeconds"/>, sample k having its centre at
    /// (k + ½)·dx as in Praat (Sampled_xToLowIndex).
    /// </summary>
    public long LeftSampleOf(double centreSeconds) =>
        (long)Math.Floor((centreSeconds - 0.5 * SamplePeriod) / SamplePeriod + 1.0) - 1;

    /// <summary>First sample a frame reads (the local mean looks one period, the window half a window, to each side).</summary>
    public long FirstSampleNeeded(long leftSample) =>
        Math.Min(leftSample + 1 - SamplesPerPeriod, leftSample + 1 - HalfWindowSamples);

    /// <summary>Last sample a frame reads.</summary>
    public long LastSampleNeeded(long leftSample) =>
        Math.Max(leftSample + SamplesPerPeriod, leftSample + HalfWindowSamples);
}
