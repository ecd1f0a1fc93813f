using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>
/// Inter-pausal units of a live voice, each described as soon as the pause after it is long enough (0.3 s after
/// the speaker stops): its mean pitch relative to the speaker's running median f0, mean intensity and syllable
/// nuclei (de Jong &amp; Wempe, with the unit's own loudest peaks as the reference, since a live stream has no
/// whole-recording peak). Holds only the frames of the unit in progress, at most <see cref="MaximumUnitSeconds"/>.
/// </summary>
public sealed class LiveUnitTracker
{
    /// <summary>A stretch of sound longer than this without a pause is cut: memory stays bounded in a noisy room.</summary>
    public const double MaximumUnitSeconds = 30;

    private readonly IntensityTracker _syllableIntensity;
    private readonly InterPausalUnitDetector _pauses;
    private readonly SyllableOptions _syllables;
    private readonly List<IntensityFrame> _syllableFrames = [];
    private readonly List<ProsodyFrame> _frames = [];
    private readonly RunningMedian _median = new();

    public LiveUnitTracker(double sampleRate, PauseOptions? pauses = null, SyllableOptions? syllables = null)
    {
        _syllables = syllables ?? new SyllableOptions();
        _syllableIntensity = new IntensityTracker(sampleRate, _syllables.Intensity);
        _pauses = new InterPausalUnitDetector(pauses);
    }

    /// <summary>Adds a block of mono samples (before the prosody frames made from the same block).</summary>
    public void AddSamples(ReadOnlySpan<float> samples, MediaTime firstSampleTime) =>
        _syllableFrames.AddRange(_syllableIntensity.Process(samples, firstSampleTime));

    /// <summary>Adds prosody frames; returns the units they closed, described.</summary>
    public IReadOnlyList<SpeechUnit> AddFrames(IReadOnlyList<ProsodyFrame> frames)
    {
        List<SpeechUnit>? closed = null;
        foreach (var frame in frames)
        {
            _frames.Add(frame);
            if (frame.IsVoiced)
                _median.Add(frame.FrequencyHz);
            if (_pauses.Process(new IntensityFrame(frame.Time, frame.IntensityDb)) is { } unit)
                (closed ??= []).Add(Describe(unit));
        }

        Trim();
        return closed ?? (IReadOnlyList<SpeechUnit>)[];
    }

    /// <summary>Ends the stream: the unit in progress, if any, described.</summary>
    public IReadOnlyList<SpeechUnit> Complete()
    {
        _syllableFrames.AddRange(_syllableIntensity.Complete());
        return _pauses.Complete() is { } unit ? [Describe(unit)] : [];
    }

    private SpeechUnit Describe(SpeechUnit unit)
    {
        var inUnit = _frames.Where(f => f.Time >= unit.Start && f.Time <= unit.End).ToList();
        var median = _median.Value;
        var voiced = inUnit.Where(f => f.IsVoiced).ToList();
        var pitch = voiced.Count == 0 || double.IsNaN(median) ? double.NaN : voiced.Average(f => 12.0 * Math.Log2(f.FrequencyHz / median));
        var intensity = inUnit.Count == 0 ? double.NaN : inUnit.Average(f => f.IntensityDb);
        var nuclei = SyllableNuclei.Find(
            [.. _syllableFrames.Where(f => f.Time >= unit.Start && f.Time <= unit.End)],
            inUnit,
            _syllables);
        return unit with { MeanPitchSemitones = pitch, MeanIntensityDb = intensity, Syllables = nuclei.Length };
    }

    /// <summary>Drops what no open or future unit can need: frames older than the unit in progress (or than the cap).</summary>
    private void Trim()
    {
        if (_frames.Count == 0)
            return;
        var newest = _frames[^1].Time;
        var keepFrom = newest - TimeSpan.FromSeconds(MaximumUnitSeconds);
        if (_pauses.OpenSince is { } open && open > keepFrom)
            keepFrom = open;
        else if (_pauses.OpenSince is null)
            keepFrom = newest;
        _frames.RemoveAll(f => f.Time < keepFrom);
        _syllableFrames.RemoveAll(f => f.Time < keepFrom - TimeSpan.FromSeconds(0.1));
    }

    /// <summary>The median of voiced f0 so far, from a histogram of 1/10-semitone bins (constant memory).</summary>
    private sealed class RunningMedian
    {
        private const double LowestHz = 40;
        private readonly int[] _bins = new int[1000];
        private long _count;

        public double Value
        {
            get
            {
                if (_count == 0)
                    return double.NaN;
                long seen = 0;
                for (var b = 0; b < _bins.Length; b++)
                {
                    seen += _bins[b];
                    if (2 * seen >= _count)
                        return LowestHz * Math.Pow(2, (b + 0.5) / 120.0);
                }

                return double.NaN;
            }
        }

        public void Add(double hz)
        {
            var bin = (int)Math.Floor(120 * Math.Log2(hz / LowestHz));
            _bins[Math.Clamp(bin, 0, _bins.Length - 1)]++;
            _count++;
        }
    }
}
