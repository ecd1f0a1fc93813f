using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>
/// Settings for cutting speech into inter-pausal units (IPUs): stretches of sound separated by silences of at least
/// <see cref="MinimumPauseSeconds"/>. A frame is silent when its intensity is more than
/// <see cref="SilenceThresholdDb"/> below the loudest frame heard so far (de Jong &amp; Wempe's −25 dB, made causal)
/// or below <see cref="MinimumLevelDb"/>.
/// </summary>
public sealed record PauseOptions
{
    /// <summary>Silence threshold relative to the running maximum intensity (dB, negative). Default −25.</summary>
    public double SilenceThresholdDb { get; init; } = -25.0;

    /// <summary>Frames quieter than this absolute level (dB re 2·10⁻⁵) are silent whatever came before: digital silence is no speech. Default 0.</summary>
    public double MinimumLevelDb { get; init; }

    /// <summary>Shortest silence that separates two units (s). Default 0.3.</summary>
    public double MinimumPauseSeconds { get; init; } = 0.3;

    /// <summary>Shortest sounding stretch that counts as a unit (s); shorter blips are ignored. Default 0.1.</summary>
    public double MinimumSoundingSeconds { get; init; } = 0.1;

    public void Validate()
    {
        if (!(SilenceThresholdDb < 0) || !double.IsFinite(SilenceThresholdDb))
            throw new ArgumentException($"The silence threshold must be a negative number of dB below the maximum, not {SilenceThresholdDb}.");
        if (!(MinimumPauseSeconds > 0) || !(MinimumSoundingSeconds >= 0))
            throw new ArgumentException("Minimum pause must be positive and minimum sounding duration non-negative.");
    }
}

/// <summary>
/// Streaming IPU detection over intensity frames: a unit is emitted once the silence after it has lasted
/// <see cref="PauseOptions.MinimumPauseSeconds"/>, i.e. 0.3 s after the speaker stopped. A unit runs from its first
/// to its last sounding frame centre. Units come out unmeasured and with no speaker: the detector hears only the
/// intensity of one voice, and whose voice it is in a dyad is for the caller to say.
/// </summary>
public sealed class InterPausalUnitDetector
{
    private readonly PauseOptions _options;
    private double _loudest = double.NegativeInfinity;
    private MediaTime? _unitStart;
    private MediaTime _lastSounding;
    private bool _completed;

    public InterPausalUnitDetector(PauseOptions? options = null)
    {
        _options = options ?? new PauseOptions();
        _options.Validate();
    }

    /// <summary>Start of the unit in progress, null between units.</summary>
    public MediaTime? OpenSince => _unitStart;

    /// <summary>Takes the next intensity frame; returns the unit it closed, if any.</summary>
    public SpeechUnit? Process(IntensityFrame frame)
    {
        if (_completed)
            throw new InvalidOperationException("The stream was already completed.");
        _loudest = Math.Max(_loudest, frame.Decibels);
        var sounding = frame.Decibels >= _loudest + _options.SilenceThresholdDb && frame.Decibels > _options.MinimumLevelDb;
        if (sounding)
        {
            _unitStart ??= frame.Time;
            _lastSounding = frame.Time;
            return null;
        }
        if (_unitStart is not null && (frame.Time - _lastSounding).TotalSeconds >= _options.MinimumPauseSeconds)
            return Close();
        return null;
    }

    /// <summary>Ends the stream, closing the unit in progress.</summary>
    public SpeechUnit? Complete()
    {
        if (_completed)
            return null;
        _completed = true;
        return _unitStart is null ? null : Close();
    }

    private SpeechUnit? Close()
    {
        var unit = SpeechUnit.Unmeasured(null, _unitStart!.Value, _lastSounding);
        _unitStart = null;
        return unit.Duration.TotalSeconds >= _options.MinimumSoundingSeconds ? unit : null;
    }

    /// <summary>The units of a whole intensity contour (the same detector, run to the end).</summary>
    public static IReadOnlyList<SpeechUnit> Find(IEnumerable<IntensityFrame> frames, PauseOptions? options = null)
    {
        var detector = new InterPausalUnitDetector(options);
        var units = new List<SpeechUnit>();
        foreach (var frame in frames)
            if (detector.Process(frame) is { } unit)
                units.Add(unit);
        if (detector.Complete() is { } last)
            units.Add(last);
        return units;
    }
}
