using System.Collections.Concurrent;
using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>
/// Streaming pitch analysis of one mono signal: feed blocks of samples with the media time of their first sample,
/// get back the pitch frames that became final. A frame is analysed as soon as its window is complete (half a
/// window, 20 ms at a 75 Hz floor, after its centre) and emitted once the Viterbi path is decided there (see
/// <see cref="PitchPathFinder"/>; bounded by <see cref="PitchOptions.MaximumPathLatencySeconds"/>).
/// Frame times are the window centres, on the stream's media clock, with the start of the first sample as origin.
/// </summary>
public sealed class PitchTracker
{
    private readonly PitchFramePlan _plan;
    private readonly FrameGrid _grid;
    private readonly PeakReference _peakReference;
    private readonly SampleHistory _history;
    // Below this many ready frames a parallel batch costs more in hand-over than it saves.
    private const int MinimumFramesPerParallelBatch = 8;
    // Frames a thread takes at a time: small enough that a thread the machine schedules late still finds work left,
    // large enough that taking it costs little beside ~0.3 ms of analysis.
    private const int FramesPerChunk = 16;

    private readonly int _parallelism;
    private readonly ParallelOptions _parallelOptions;
    // Finders (each with its own scratch buffers) not in use; a thread analysing frames takes one for the batch.
    private readonly ConcurrentBag<PitchCandidateFinder> _idleFinders = [];
    private readonly List<ReadyFrame> _ready = [];
    private (PitchCandidate[] Candidates, double LocalPeak)[] _analysed = [];
    private readonly PitchPathFinder _path;
    private readonly List<DecidedFrame> _decided = [];
    private long _nextFrame;
    private long _peakScannedThrough = -1;
    private double _runningPeak;
    private bool _completed;

    /// <param name="sampleRate">Samples per second of the mono input.</param>
    /// <param name="options">Analysis settings; Praat's defaults when null.</param>
    /// <param name="grid">Frame placement; an open-ended grid starting half a window into the stream when null.</param>
    /// <param name="peakReference">What the silence threshold is relative to; the running peak when null.</param>
    /// <param name="parallelism">Threads that analyse candidates of a block's frames; the processor count when null. The frames do not depend on it.</param>
    public PitchTracker(double sampleRate, PitchOptions? options = null, FrameGrid? grid = null, PeakReference? peakReference = null, int? parallelism = null)
    {
        _plan = new PitchFramePlan(options ?? new PitchOptions(), sampleRate);
        _grid = grid ?? FrameGrid.ForStream(_plan.WindowSeconds, _plan.TimeStep);
        _peakReference = peakReference ?? PeakReference.Running;
        _history = new SampleHistory(sampleRate);
        // Candidate analysis is the expensive, independent part: it runs on up to one thread per core.
        _parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
        _parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = _parallelism };
        _path = new PitchPathFinder(_plan);
    }

    public PitchOptions Options => _plan.Options;

    /// <summary>Frames decided on the best path so far because paths had not merged within the latency bound.</summary>
    public int ForcedPathDecisions => _path.ForcedDecisions;

    /// <summary>Adds a block of samples and returns the frames that became final, in time order.</summary>
    public IReadOnlyList<PitchFrame> Process(ReadOnlySpan<float> samples, MediaTime firstSampleTime)
    {
        if (_completed)
            throw new InvalidOperationException("The stream was already completed.");
        _history.Append(samples, firstSampleTime);
        AnalyseAvailableFrames();
        return TakeDecided();
    }

    /// <summary>Ends the stream: analyses nothing more and returns the frames still waiting for the path decision.</summary>
    public IReadOnlyList<PitchFrame> Complete()
    {
        if (_completed)
            return [];
        _completed = true;
        _path.Complete(_decided);
        return TakeDecided();
    }

    private void AnalyseAvailableFrames()
    {
        // Find every frame whose window is complete, analyse their candidates (independent per frame, so in
        // parallel when there are enough of them), then feed the path in time order.
        _ready.Clear();
        while (_grid.Contains(_nextFrame))
        {
            var left = _plan.LeftSampleOf(_grid.CentreOf(_nextFrame));
            var first = _plan.FirstSampleNeeded(left);
            var last = _plan.LastSampleNeeded(left);
            if (last >= _history.Received)
                break;
            // A window that would start before the stream does not exist (Praat's grids never ask for one).
            if (first >= 0)
                _ready.Add(new ReadyFrame(_nextFrame, first, last, left));
            _nextFrame++;
        }
        if (_ready.Count == 0)
            return;
        if (_analysed.Length < _ready.Count)
            _analysed = new (PitchCandidate[], double)[_ready.Count * 2];

        if (_parallelism > 1 && _ready.Count >= MinimumFramesPerParallelBatch)
        {
            // Chunks are handed out as threads ask for them, so on a loaded machine the thread that runs does the work
            // rather than waiting for one that was dealt a fixed half. Each frame's result does not depend on the finder.
            Parallel.ForEach(Partitioner.Create(0, _ready.Count, FramesPerChunk), _parallelOptions, TakeFinder,
                (range, _, finder) =>
                {
                    for (var i = range.Item1; i < range.Item2; i++)
                        _analysed[i] = Analyse(finder, _ready[i]);
                    return finder;
                },
                _idleFinders.Add);
        }
        else
        {
            var finder = TakeFinder();
            for (var i = 0; i < _ready.Count; i++)
                _analysed[i] = Analyse(finder, _ready[i]);
            _idleFinders.Add(finder);
        }

        for (var i = 0; i < _ready.Count; i++)
        {
            var (candidates, localPeak) = _analysed[i];
            var reference = ReferencePeakThrough(_ready[i].Last);
            var relative = localPeak > reference ? 1.0 : localPeak / reference;
            if (double.IsNaN(relative))
                relative = 0.0; // 0 / 0: silence against a silent reference
            _path.Add(candidates, relative, _ready[i].FrameIndex, _decided);
            _analysed[i] = default;
        }
        var nextLeft = _plan.LeftSampleOf(_grid.CentreOf(_nextFrame));
        _history.DiscardBefore(Math.Min(_plan.FirstSampleNeeded(nextLeft), _peakScannedThrough + 1));
    }

    private PitchCandidateFinder TakeFinder() => _idleFinders.TryTake(out var idle) ? idle : new PitchCandidateFinder(_plan);

    private (PitchCandidate[] Candidates, double LocalPeak) Analyse(PitchCandidateFinder finder, ReadyFrame frame) =>
        finder.Analyse(_history.Slice(frame.First, (int)(frame.Last - frame.First + 1)), frame.First, frame.Left);

    private double ReferencePeakThrough(long lastSample)
    {
        if (_peakReference.FixedPeak is { } peak)
        {
            _peakScannedThrough = lastSample;
            return peak;
        }
        if (lastSample > _peakScannedThrough)
        {
            var from = Math.Max(_peakScannedThrough + 1, _history.FirstRetained);
            foreach (var s in _history.Slice(from, (int)(lastSample - from + 1)))
                _runningPeak = Math.Max(_runningPeak, Math.Abs(s));
            _peakScannedThrough = lastSample;
        }
        return _runningPeak;
    }

    private PitchFrame[] TakeDecided()
    {
        if (_decided.Count == 0)
            return [];
        var start = _history.Start ?? MediaTime.Zero;
        var frames = new PitchFrame[_decided.Count];
        for (var i = 0; i < frames.Length; i++)
        {
            var d = _decided[i];
            var time = new MediaTime(start.Microseconds + (long)Math.Round(_grid.CentreOf(d.FrameIndex) * MediaTime.MicrosecondsPerSecond, MidpointRounding.AwayFromZero));
            var voiced = d.Candidate.IsVoicedBelow(_plan.Ceiling);
            frames[i] = new PitchFrame(time, voiced ? d.Candidate.FrequencyHz : double.NaN, d.Candidate.Strength, d.RelativeIntensity);
        }
        _decided.Clear();
        return frames;
    }
}

/// <summary>A frame whose window is complete: its grid index and the samples it reads.</summary>
internal readonly record struct ReadyFrame(long FrameIndex, long First, long Last, long Left);
