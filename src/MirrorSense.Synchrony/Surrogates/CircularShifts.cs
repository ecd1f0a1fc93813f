using MirrorSense.Synchrony.CrossCorrelation;

namespace MirrorSense.Synchrony.Surrogates;

/// <summary>
/// Surrogates that rotate B against A: each keeps B's own course and events, only their timing against A is broken.
/// Used where a rotation keeps what matters about a signal better than a phase-randomised copy would (speech contours
/// with their silences, smiles as sparse events).
/// </summary>
internal static class CircularShifts
{
    /// <summary>
    /// Shifts of at least <paramref name="shortest"/> samples either way, each used at most once (all of them when there
    /// are no more than <paramref name="count"/>), because a repeated surrogate adds no evidence, only a false sense of
    /// precision. Every shift the series allows is a candidate: surrogates from a narrow band of shifts resemble each
    /// other more than any resembles the real alignment, and the real one then beats them all far more often than α.
    /// Empty when the series is too short for any.
    /// </summary>
    public static int[] Choose(int length, int shortest, int count, int seed)
    {
        if (count <= 0 || length < 2 * shortest + 1)
            return [];
        var all = Enumerable.Range(shortest, length - 2 * shortest + 1).ToArray();
        if (all.Length <= count)
            return all;
        new Random(seed).Shuffle(all);
        return all[..count];
    }

    /// <summary>A series rotated as <see cref="Segments.Rotate"/> rotates one: sample <paramref name="shift"/> comes first.</summary>
    public static T[] Rotate<T>(T[] series, int shift) => [.. series[shift..], .. series[..shift]];

    /// <summary>Event samples (onsets, nods) of a series of <paramref name="length"/> samples rotated as <see cref="Rotate{T}"/> rotates it, in order.</summary>
    public static int[] RotateEvents(IEnumerable<int> samples, int shift, int length)
    {
        var rotated = samples.Select(s => (s - shift + length) % length).ToArray();
        Array.Sort(rotated);
        return rotated;
    }

    /// <summary>
    /// The windows of a rotated surrogate that do not span its seam, where B's last sample meets its first. A seam is
    /// a jump no real recording has: windows across it correlate less, so surrogates with them would fall below the
    /// real alignment and make chance look significant (most of all in short sessions, where the seam sits in nearly
    /// every window). Fewer windows only widen the surrogates' spread, which errs on the side of no effect.
    /// </summary>
    public static CrossCorrelationResult WithoutSeam(CrossCorrelationResult result, int seam)
    {
        var settings = result.Settings;
        return new CrossCorrelationResult(result.Dyad, settings, [.. result.Windows.Where(w => !SpansSeam(w.Index, settings, seam))]);
    }

    /// <summary>
    /// The real alignment's windows that a rotation kept (<see cref="WithoutSeam"/>), to compare the two on equal terms.
    /// A rotation's windows on either side of its seam pair A with B at two different offsets, and the mean of two
    /// unrelated alignments varies less than one alignment's; set against the real one over all its windows, rotations
    /// then fell short at both ends of their spread, and an independent pair beat every rotation two to four times
    /// as often as chance (tone's contours of independent speakers, synthetic and espeak-ng).
    /// </summary>
    public static CrossCorrelationResult SameWindows(CrossCorrelationResult real, CrossCorrelationResult rotation)
    {
        var kept = rotation.Windows.Select(w => w.Index).ToHashSet();
        return new CrossCorrelationResult(real.Dyad, real.Settings, [.. real.Windows.Where(w => kept.Contains(w.Index))]);
    }

    /// <summary>Whether window <paramref name="window"/> holds both sides of a rotation's seam (see <see cref="WithoutSeam"/>).</summary>
    public static bool SpansSeam(int window, CrossCorrelationSettings settings, int seam)
    {
        var first = window * settings.IncrementSamples;
        return seam > first && seam <= first + settings.SpanSamples - 1;
    }
}
