using MirrorSense.Core;

namespace MirrorSense.Synchrony.Surrogates;

/// <summary>
/// Pseudo-dyads from signals of different real dyads (rMEA's shuffle): every pair of the 2n signals
/// except real partners — C(2n, 2) − n pairs — or, keeping roles, every A with every other dyad's B
/// (n(n − 1) pairs). Series of unequal length are cut to the shorter.
/// </summary>
public static class DyadShuffle
{
    public static IReadOnlyList<PseudoDyad> AllPairs(IReadOnlyList<DyadSeries> dyads, bool keepRoles = false)
    {
        Validate(dyads);
        var pairs = new List<PseudoDyad>();
        if (keepRoles)
        {
            for (var i = 0; i < dyads.Count; i++)
                for (var j = 0; j < dyads.Count; j++)
                    if (i != j)
                        pairs.Add(Pair(dyads, new(i, Participant.A), new(j, Participant.B)));
            return pairs;
        }

        var signals = dyads.SelectMany((_, i) => new[] { new Signal(i, Participant.A), new Signal(i, Participant.B) }).ToArray();
        for (var i = 0; i < signals.Length; i++)
            for (var j = i + 1; j < signals.Length; j++)
                if (signals[i].Dyad != signals[j].Dyad)
                    pairs.Add(Pair(dyads, signals[i], signals[j]));
        return pairs;
    }

    /// <summary>A seeded random sample of <paramref name="count"/> of <see cref="AllPairs"/>, without replacement, in their original order.</summary>
    public static IReadOnlyList<PseudoDyad> Sample(IReadOnlyList<DyadSeries> dyads, int count, int seed, bool keepRoles = false)
    {
        var all = AllPairs(dyads, keepRoles);
        if (count <= 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, "Ask for at least one pseudo-dyad.");
        if (count >= all.Count)
            return all;
        var random = new Random(seed);
        var order = Enumerable.Range(0, all.Count).ToArray();
        random.Shuffle(order);
        return [.. order.Take(count).Order().Select(i => all[i])];
    }

    private static void Validate(IReadOnlyList<DyadSeries> dyads)
    {
        ArgumentNullException.ThrowIfNull(dyads);
        if (dyads.Count < 2)
            throw new ArgumentException($"Dyad shuffling needs at least two dyads; got {dyads.Count}.", nameof(dyads));
        var rates = dyads.Select(d => d.SampleRate).Distinct().ToArray();
        if (rates.Length > 1)
            throw new ArgumentException($"All dyads must share one sample rate to be shuffled; found {string.Join(", ", rates)} Hz.", nameof(dyads));
    }

    private static PseudoDyad Pair(IReadOnlyList<DyadSeries> dyads, Signal first, Signal second)
    {
        var a = dyads[first.Dyad][first.Participant];
        var b = dyads[second.Dyad][second.Participant];
        var length = Math.Min(a.Length, b.Length);
        var sourceA = new SignalSource(dyads[first.Dyad].Name, first.Participant);
        var sourceB = new SignalSource(dyads[second.Dyad].Name, second.Participant);
        var series = new DyadSeries($"{sourceA}~{sourceB}", dyads[first.Dyad].SampleRate, a[..length], b[..length]);
        return new PseudoDyad(series, sourceA, sourceB);
    }

    private readonly record struct Signal(int Dyad, Participant Participant);
}
