using MirrorSense.Core;

namespace MirrorSense.Synchrony.Surrogates;

/// <summary>
/// Surrogates that keep each participant's own behaviour but break the timing between them: each
/// series is cut into segments of <see cref="SegmentSeconds"/> (the last one may be shorter) and A's
/// and B's segments are put in independent random orders. The seed makes a run reproducible.
/// </summary>
public sealed class SegmentShuffle
{
    public SegmentShuffle(double segmentSeconds, int seed)
    {
        if (!(segmentSeconds > 0) || double.IsInfinity(segmentSeconds))
            throw new ArgumentOutOfRangeException(nameof(segmentSeconds), segmentSeconds, "Segments must be a positive number of seconds.");
        SegmentSeconds = segmentSeconds;
        Seed = seed;
    }

    public double SegmentSeconds { get; }
    public int Seed { get; }

    public IReadOnlyList<PseudoDyad> Create(DyadSeries dyad, int count)
    {
        ArgumentNullException.ThrowIfNull(dyad);
        if (count <= 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, "Ask for at least one surrogate.");
        var segment = Math.Max(1, (int)Math.Round(SegmentSeconds * dyad.SampleRate));
        var segments = (dyad.Length + segment - 1) / segment;
        if (segments < 2)
            throw new ArgumentException($"'{dyad.Name}' is {dyad.Duration.TotalSeconds:0.##} s long: too short to shuffle {SegmentSeconds} s segments.", nameof(dyad));

        // One generator per dyad, seeded from the run's seed and the dyad's name, so adding files to a run leaves each dyad's surrogates unchanged.
        // Not HashCode.Combine: it is randomised per process, and a seed must give the same surrogates in every run.
        var random = new Random(unchecked((Seed * 16777619) ^ StableHash(dyad.Name)));
        var surrogates = new List<PseudoDyad>(count);
        for (var k = 0; k < count; k++)
        {
            var a = Segments.Reorder(dyad.A, segment, Segments.Permutation(random, segments));
            var b = Segments.Reorder(dyad.B, segment, Segments.Permutation(random, segments));
            var series = new DyadSeries($"{dyad.Name}~segments{k + 1}", dyad.SampleRate, a, b);
            surrogates.Add(new PseudoDyad(series, new(dyad.Name, Participant.A), new(dyad.Name, Participant.B)));
        }

        return surrogates;
    }

    // string.GetHashCode is randomised per process; surrogates must not be.
    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
                hash = (hash ^ c) * 16777619;
            return hash;
        }
    }
}
