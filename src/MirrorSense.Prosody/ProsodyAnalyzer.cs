using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>
/// Streaming prosody of one speaker: pitch and intensity on one shared frame grid (10 ms at a 75 Hz floor), joined
/// into <see cref="ProsodyFrame"/>s, and — when asked — what inter-pausal units and syllable nuclei need, so
/// <see cref="CompleteUnits"/> can describe each unit at the end. Memory is constant in session length except for
/// the compact per-frame record kept for units (a few MB per hour), which is only kept when units are asked for.
/// </summary>
public sealed class ProsodyAnalyzer
{
    private readonly PitchTracker _pitch;
    private readonly IntensityTracker _intensity;
    // The block being analysed, copied for the trackers' tasks; kept and reused for the next block.
    private float[] _block = [];
    private readonly IntensityTracker? _syllableIntensity;
    private readonly InterPausalUnitDetector? _pauses;
    private readonly SyllableOptions _syllables;
    private readonly Queue<PitchFrame> _pendingPitch = new();
    private readonly Queue<IntensityFrame> _pendingIntensity = new();
    private readonly List<ProsodyFrame> _kept = [];
    private readonly List<IntensityFrame> _keptSyllableIntensity = [];
    private readonly List<SpeechUnit> _units = [];
    private bool _completed;

    /// <param name="sampleRate">Samples per second of the mono input.</param>
    /// <param name="pitchOptions">Pitch settings (Praat's defaults when null); their time step is the frame step.</param>
    /// <param name="whole">
    /// When the whole recording was summarised first (a file), frames sit on Praat's grid for its length and silence
    /// is judged against its global peak, exactly as Praat. Null for live streams (open grid, running peak).
    /// </param>
    /// <param name="units">Keep what <see cref="CompleteUnits"/> needs.</param>
    public ProsodyAnalyzer(double sampleRate, PitchOptions? pitchOptions = null, SignalSummary? whole = null, bool units = false,
        IntensityOptions? intensityOptions = null, PauseOptions? pauseOptions = null, SyllableOptions? syllableOptions = null)
    {
        var pitch = pitchOptions ?? new PitchOptions();
        pitch.Validate();
        var grid = whole is null
            ? FrameGrid.ForStream(pitch.WindowSeconds, pitch.TimeStep)
            : FrameGrid.ForWholeSignal(whole.SampleCount, sampleRate, pitch.WindowSeconds, pitch.TimeStep);
        _pitch = new PitchTracker(sampleRate, pitch, grid, whole?.Peak);
        // Intensity is evaluated at the pitch frame centres (Praat's "To Intensity" window, our grid), so each output
        // row has both values for one instant.
        _intensity = new IntensityTracker(sampleRate, intensityOptions, grid);
        _syllables = syllableOptions ?? new SyllableOptions();
        if (units)
        {
            var syllableGrid = whole is null
                ? null
                : FrameGrid.ForWholeSignal(whole.SampleCount, sampleRate, _syllables.Intensity.WindowSeconds, _syllables.Intensity.TimeStep);
            _syllableIntensity = new IntensityTracker(sampleRate, _syllables.Intensity, syllableGrid);
            _pauses = new InterPausalUnitDetector(pauseOptions);
        }
    }

    /// <summary>Adds a block of mono samples; returns the frames that became final, in time order.</summary>
    public IReadOnlyList<ProsodyFrame> Process(ReadOnlySpan<float> samples, MediaTime firstSampleTime)
    {
        if (_completed)
            throw new InvalidOperationException("The stream was already completed.");
        // The trackers keep separate histories, so intensity runs beside pitch (the larger job) on another core. The
        // tasks cannot capture a span: the block is copied into a buffer kept for the next block.
        if (_block.Length < samples.Length)
            _block = new float[samples.Length];
        samples.CopyTo(_block);
        var block = new ReadOnlyMemory<float>(_block, 0, samples.Length);
        IReadOnlyList<PitchFrame> pitch = [];
        IReadOnlyList<IntensityFrame> intensity = [];
        Parallel.Invoke(
            () => pitch = _pitch.Process(block.Span, firstSampleTime),
            () =>
            {
                intensity = _intensity.Process(block.Span, firstSampleTime);
                if (_syllableIntensity is not null)
                    _keptSyllableIntensity.AddRange(_syllableIntensity.Process(block.Span, firstSampleTime));
            });
        Enqueue(pitch, intensity);
        return Join();
    }

    /// <summary>Ends the stream and returns the last frames.</summary>
    public IReadOnlyList<ProsodyFrame> Complete()
    {
        if (_completed)
            return [];
        _completed = true;
        Enqueue(_pitch.Complete(), _intensity.Complete());
        if (_syllableIntensity is not null)
            _keptSyllableIntensity.AddRange(_syllableIntensity.Complete());
        var last = Join();
        if (_pauses?.Complete() is { } unit)
            _units.Add(unit);
        return last;
    }

    /// <summary>The inter-pausal units of the whole stream with their features; call after <see cref="Complete"/>.</summary>
    public IReadOnlyList<SpeechUnit> CompleteUnits()
    {
        if (!_completed)
            throw new InvalidOperationException("Units are described once the stream is complete.");
        if (_pauses is null)
            throw new InvalidOperationException("This analyzer was created without units.");
        var nuclei = SyllableNuclei.Find(_keptSyllableIntensity, _kept, _syllables);
        return UnitFeatureCalculator.Compute(_units, _kept, nuclei);
    }

    private void Enqueue(IReadOnlyList<PitchFrame> pitch, IReadOnlyList<IntensityFrame> intensity)
    {
        foreach (var frame in pitch)
            _pendingPitch.Enqueue(frame);
        foreach (var frame in intensity)
            _pendingIntensity.Enqueue(frame);
    }

    private List<ProsodyFrame> Join()
    {
        var joined = new List<ProsodyFrame>(Math.Min(_pendingPitch.Count, _pendingIntensity.Count));
        while (_pendingPitch.Count > 0 && _pendingIntensity.Count > 0)
        {
            var pitch = _pendingPitch.Dequeue();
            var intensity = _pendingIntensity.Dequeue();
            // Both trackers run on one grid, so the n-th frames share a centre.
            var frame = new ProsodyFrame(pitch.Time, pitch.FrequencyHz, intensity.Decibels);
            joined.Add(frame);
            if (_pauses is not null)
            {
                _kept.Add(frame);
                if (_pauses.Process(intensity) is { } unit)
                    _units.Add(unit);
            }
        }
        return joined;
    }
}
