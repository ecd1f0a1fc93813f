using System.Runtime.CompilerServices;
namespace MirrorSense.Prosody;

/// <summary>
/// Praat's Viterbi search through the candidates (Pitch_pathFinder), run incrementally with bounded latency.
/// <para>
/// A frame is committed as soon as every surviving path (one per candidate of the newest frame) passes through the
/// same candidate of it: from then on no later frame can change that choice, so the committed frames are exactly
/// those of a Viterbi over the whole signal. Paths usually merge within a few frames. If they have not merged after
/// <see cref="PitchOptions.MaximumPathLatencySeconds"/>, the oldest open frame is decided on the best path so far and
/// paths that disagree with the decision are pruned, so the output stays one consistent path.
/// Batch analysis runs this same class, which is why live and batch frames are identical.
/// </para>
/// </summary>
internal sealed class PitchPathFinder
{
    private readonly double _ceiling;
    private readonly double _silenceThreshold;
    private readonly double _voicingThreshold;
    private readonly double _octaveCost;
    private readonly double _octaveJumpCost;
    private readonly double _voicedUnvoicedCost;
    private readonly int _maximumOpenFrames;
    // Open (undecided) frames, oldest first; committed frames are dropped so memory stays bounded.
    private readonly List<OpenFrame> _open = [];

    public PitchPathFinder(PitchFramePlan plan)
    {
        var options = plan.Options;
        _ceiling = plan.Ceiling;
        _silenceThreshold = options.SilenceThreshold;
        _voicingThreshold = options.VoicingThreshold;
        _octaveCost = options.OctaveCost;
        // Costs are per 10 ms of path, whatever the time step (Praat's time-step correction).
        var timeStepCorrection = 0.01 / plan.TimeStep;
        _octaveJumpCost = options.OctaveJumpCost * timeStepCorrection;
        _voicedUnvoicedCost = options.VoicedUnvoicedCost * timeStepCorrection;
        _maximumOpenFrames = Math.Max(1, (int)Math.Round(options.MaximumPathLatencySeconds / plan.TimeStep) + 1);
    }

    /// <summary>Number of frames decided on the best path so far rather than by path agreement.</summary>
    public int ForcedDecisions { get; private set; }

    /// <summary>Adds the next frame and appends every frame that became decided to <paramref name="decided"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot at frame rate: optimised from the first call, not after tiering
    public void Add(PitchCandidate[] candidates, double relativeIntensity, long frameIndex, List<DecidedFrame> decided)
    {
        var delta = new double[candidates.Length];
        var psi = new int[candidates.Length];
        var unvoicedStrength = _silenceThreshold <= 0 ? 0.0 : 2.0 - relativeIntensity / (_silenceThreshold / (1.0 + _voicingThreshold));
        unvoicedStrength = _voicingThreshold + Math.Max(0.0, unvoicedStrength);
        for (var k = 0; k < candidates.Length; k++)
        {
            var c = candidates[k];
            delta[k] = c.IsVoicedBelow(_ceiling) ? c.Strength - _octaveCost * Math.Log2(_ceiling / c.FrequencyHz) : unvoicedStrength;
        }

        if (_open.Count > 0 || _lastCommitted is not null)
        {
            var previous = _open.Count > 0 ? _open[^1] : _lastCommitted!;
            for (var k2 = 0; k2 < candidates.Length; k2++)
            {
                var f2 = candidates[k2].FrequencyHz;
                var currentVoiced = candidates[k2].IsVoicedBelow(_ceiling);
                var best = double.NegativeInfinity;
                var place = -1;
                for (var k1 = 0; k1 < previous.Candidates.Length; k1++)
                {
                    var previousVoiced = previous.Candidates[k1].IsVoicedBelow(_ceiling);
                    double transition;
                    if (!currentVoiced)
                        transition = previousVoiced ? _voicedUnvoicedCost : 0.0;
                    else if (!previousVoiced)
                        transition = _voicedUnvoicedCost;
                    else
                        transition = _octaveJumpCost * Math.Abs(Math.Log2(previous.Candidates[k1].FrequencyHz / f2));
                    var value = previous.Delta[k1] - transition + delta[k2];
                    if (value > best)
                    {
                        best = value;
                        place = k1;
                    }
                }
                delta[k2] = best;
                psi[k2] = place;
            }
        }

        _open.Add(new OpenFrame(candidates, relativeIntensity, delta, psi, frameIndex));
        CommitAgreedFrames(decided);
        while (_open.Count > _maximumOpenFrames)
            ForceOldest(decided);
    }

    /// <summary>End of signal: decides every open frame on the best complete path.</summary>
    public void Complete(List<DecidedFrame> decided)
    {
        if (_open.Count == 0)
            return;
        var last = _open[^1];
        var place = ArgMax(last.Delta);
        CommitThrough(_open.Count - 1, place, decided);
    }

    // The frame that the open frames' back-pointers point into; kept so the recursion can continue after commits.
    private OpenFrame? _lastCommitted;

    private void CommitAgreedFrames(List<DecidedFrame> decided)
    {
        var newest = _open[^1];
        // Follow every live path back until they all meet.
        Span<int> states = stackalloc int[newest.Candidates.Length];
        Span<int> next = stackalloc int[newest.Candidates.Length];
        var count = 0;
        for (var k = 0; k < newest.Candidates.Length; k++)
            if (!double.IsNegativeInfinity(newest.Delta[k]))
                states[count++] = k;
        for (var f = _open.Count - 1; f >= 0 && count > 0; f--)
        {
            if (AllEqual(states[..count]))
            {
                CommitThrough(f, states[0], decided);
                return;
            }
            if (f == 0)
                return;
            var psi = _open[f].Psi;
            for (var i = 0; i < count; i++)
                next[i] = psi[states[i]];
            next[..count].CopyTo(states);
        }
    }

    private void ForceOldest(List<DecidedFrame> decided)
    {
        var newest = _open[^1];
        var state = ArgMax(newest.Delta);
        for (var f = _open.Count - 1; f >= 1; f--)
            state = _open[f].Psi[state];
        ForcedDecisions++;
        CommitThrough(0, state, decided);
        // Prune paths through the rejected candidates of the decided frame, so later decisions stay on one path.
        for (var f = 0; f < _open.Count; f++)
        {
            var frame = _open[f];
            var previous = f == 0 ? _lastCommitted! : _open[f - 1];
            for (var k = 0; k < frame.Delta.Length; k++)
            {
                var back = frame.Psi[k];
                var alive = f == 0 ? back == previous.Chosen : back >= 0 && !double.IsNegativeInfinity(previous.Delta[back]);
                if (!alive)
                    frame.Delta[k] = double.NegativeInfinity;
            }
        }
    }

    /// <summary>Decides open frames 0..<paramref name="through"/>, the last one on candidate <paramref name="place"/>.</summary>
    private void CommitThrough(int through, int place, List<DecidedFrame> decided)
    {
        var choices = new int[through + 1];
        for (var f = through; f >= 0; f--)
        {
            choices[f] = place;
            place = _open[f].Psi[place];
        }
        for (var f = 0; f <= through; f++)
        {
            var frame = _open[f];
            frame.Chosen = choices[f];
            decided.Add(new DecidedFrame(frame.Candidates[choices[f]], frame.RelativeIntensity, frame.FrameIndex));
        }
        _lastCommitted = _open[through];
        _open.RemoveRange(0, through + 1);
    }

    private static bool AllEqual(ReadOnlySpan<int> values)
    {
        for (var i = 1; i < values.Length; i++)
            if (values[i] != values[0])
                return false;
        return true;
    }

    // First maximum wins, as in Praat.
    private static int ArgMax(double[] values)
    {
        var place = 0;
        for (var k = 1; k < values.Length; k++)
            if (values[k] > values[place])
                place = k;
        return place;
    }

    private sealed class OpenFrame(PitchCandidate[] candidates, double relativeIntensity, double[] delta, int[] psi, long frameIndex)
    {
        public PitchCandidate[] Candidates { get; } = candidates;
        public double RelativeIntensity { get; } = relativeIntensity;
        public double[] Delta { get; } = delta;
        public int[] Psi { get; } = psi;
        public long FrameIndex { get; } = frameIndex;
        public int Chosen { get; set; } = -1;
    }
}

/// <summary>A frame whose place on the path is final.</summary>
internal readonly record struct DecidedFrame(PitchCandidate Candidate, double RelativeIntensity, long FrameIndex);
