using MirrorSense.Core;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// One speaker's stretches of speech from voiced frames, gaps shorter than <paramref name="gapSeconds"/> bridged:
/// what turn-taking reads, and whether the speaker is talking now. The stretches are units left unmeasured, since
/// turn-taking asks only who spoke when.
/// </summary>
internal sealed class SpeechActivity(Participant speaker, double gapSeconds)
{
    /// <summary>Stretches shorter than this are clicks, not speech.</summary>
    private static readonly TimeSpan MinimumStretch = TimeSpan.FromSeconds(0.1);

    private readonly List<SpeechUnit> _closed = [];
    private MediaTime? _openStart;
    private MediaTime _lastVoiced;

    public IReadOnlyList<SpeechUnit> Closed => _closed;

    public void Add(MediaTime time, bool voiced)
    {
        if (voiced)
        {
            if (_openStart is not null && (time - _lastVoiced).TotalSeconds > gapSeconds)
                Close();
            _openStart ??= time;
            _lastVoiced = time;
        }
        else if (_openStart is not null && (time - _lastVoiced).TotalSeconds > gapSeconds)
        {
            Close();
        }
    }

    /// <summary>Whether <paramref name="time"/> fell in a stretch of speech (closed, or the one in progress).</summary>
    public bool SpokeAt(MediaTime time) => Stretches(time, time).Any();

    /// <summary>Seconds of speech between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public double SecondsSpoken(MediaTime from, MediaTime to) =>
        Stretches(from, to).Sum(s => ((s.End < to ? s.End : to) - (s.Start > from ? s.Start : from)).TotalSeconds);

    /// <summary>The stretches that overlap [<paramref name="from"/>, <paramref name="to"/>], newest first (the closed ones are read back only as far as needed).</summary>
    private IEnumerable<SpeechUnit> Stretches(MediaTime from, MediaTime to)
    {
        if (Open is { } open && open.Start <= to && open.End >= from)
            yield return open;
        for (var i = _closed.Count - 1; i >= 0 && _closed[i].End >= from; i--)
            if (_closed[i].Start <= to)
                yield return _closed[i];
    }

    public bool SpeakingAt(MediaTime now) => _openStart is not null && (now - _lastVoiced).TotalSeconds <= gapSeconds;

    /// <summary>The stretch in progress, if any, up to its last voiced frame.</summary>
    public SpeechUnit? Open => _openStart is { } start && _lastVoiced - start >= MinimumStretch ? SpeechUnit.Unmeasured(speaker, start, _lastVoiced) : null;

    private void Close()
    {
        if (_openStart is { } start && _lastVoiced - start >= MinimumStretch)
            _closed.Add(SpeechUnit.Unmeasured(speaker, start, _lastVoiced));
        _openStart = null;
    }
}
