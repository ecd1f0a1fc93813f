using MirrorSense.Core;
using MirrorSense.Synchrony.Preprocessing;

namespace MirrorSense.Synchrony.Conversation;

/// <summary>One entrainment statistic with its permutation p-value (one-sided, in the direction that means entrainment).</summary>
public readonly record struct EntrainmentStatistic(double Value, double PValue, int Pairs);

/// <summary>
/// Turn-level tone or tempo coordination on one feature (MEASURES.md §3, after Levitan &amp; Hirschberg):
/// <list type="bullet">
/// <item><b>Proximity</b>: how much closer adjacent units across a speaker change are than non-adjacent
/// units of the two speakers (mean non-partner minus mean partner difference; positive = entrained), on each
/// speaker's departures from their own slow course (see below).</item>
/// <item><b>Convergence</b>: the trend of the adjacent-pair difference over the session, as the correlation of
/// |A − B| with time (negative = the speakers grow more alike), on the values as they are.</item>
/// <item><b>Synchrony</b>: the correlation of adjacent units' values across speaker changes (positive = one
/// speaker's rise is met by the other's), on the departures too.</item>
/// </list>
/// Proximity and synchrony compare each unit with its speaker's local course removed (a line through the speaker's
/// units within ± half the trend span). On the raw values, any drift of either speaker makes units close in time
/// closer in value than units far apart, and adjacent units are always close in time; a trend both share makes
/// adjacent values rise together. Both passed as entrainment although neither speaker answered the other.
/// Convergence is about the levels themselves coming together, so it keeps them.
/// </summary>
public sealed record UnitEntrainmentResult(EntrainmentStatistic Proximity, EntrainmentStatistic Convergence, EntrainmentStatistic Synchrony);

/// <summary>Computes <see cref="UnitEntrainmentResult"/> with seeded permutation tests.</summary>
/// <param name="trendSeconds">Span of each speaker's own course, removed before proximity and synchrony.</param>
public sealed class UnitEntrainment(int permutations = 2000, int seed = 1, double trendSeconds = 60)
{
    public UnitEntrainmentResult Analyse(IEnumerable<SpeechUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var ordered = units.Where(u => !double.IsNaN(u.Value)).OrderBy(u => u.Start).ToArray();
        var departures = Departures(ordered);
        var adjacentDepartures = Adjacent(departures);

        var random = new Random(seed);
        return new UnitEntrainmentResult(
            Proximity(departures, adjacentDepartures, random),
            Convergence(Adjacent(ordered), random),
            Synchrony(adjacentDepartures, random));
    }

    private static List<(SpeechUnit First, SpeechUnit Second)> Adjacent(SpeechUnit[] ordered)
    {
        var adjacent = new List<(SpeechUnit First, SpeechUnit Second)>();
        for (var i = 1; i < ordered.Length; i++)
            if (ordered[i].Speaker != ordered[i - 1].Speaker)
                adjacent.Add((ordered[i - 1], ordered[i]));
        return adjacent;
    }

    /// <summary>The units in the same order, each value less its speaker's own course around it.</summary>
    private SpeechUnit[] Departures(SpeechUnit[] ordered)
    {
        var result = (SpeechUnit[])ordered.Clone();
        foreach (var speaker in ordered.Select(u => u.Speaker).Distinct())
        {
            var mine = Enumerable.Range(0, ordered.Length).Where(i => ordered[i].Speaker == speaker).ToArray();
            var times = mine.Select(i => ordered[i].Start.Seconds).ToArray();
            var departures = LocalCourse.Remove(times, [.. mine.Select(i => ordered[i].Value)], trendSeconds / 2);
            for (var k = 0; k < mine.Length; k++)
                result[mine[k]] = ordered[mine[k]] with { Value = departures[k] };
        }

        return result;
    }

    private EntrainmentStatistic Proximity(SpeechUnit[] units, List<(SpeechUnit First, SpeechUnit Second)> adjacent, Random random)
    {
        var a = units.Where(u => u.Speaker == Participant.A).ToArray();
        var b = units.Where(u => u.Speaker == Participant.B).ToArray();
        if (adjacent.Count == 0 || a.Length * b.Length <= adjacent.Count)
            return new EntrainmentStatistic(double.NaN, double.NaN, adjacent.Count);
        var partner = adjacent.Average(p => Math.Abs(p.First.Value - p.Second.Value));
        var allPairs = a.Sum(x => b.Sum(y => Math.Abs(x.Value - y.Value)));
        var nonPartner = (allPairs - adjacent.Sum(p => Math.Abs(p.First.Value - p.Second.Value))) / (a.Length * b.Length - adjacent.Count);

        // Null: which A–B pairs are adjacent is arbitrary; random pairs of the same number are as close.
        var atLeast = 0;
        for (var p = 0; p < permutations; p++)
        {
            var randomPartner = 0.0;
            for (var k = 0; k < adjacent.Count; k++)
                randomPartner += Math.Abs(a[random.Next(a.Length)].Value - b[random.Next(b.Length)].Value);
            if (randomPartner / adjacent.Count <= partner)
                atLeast++;
        }

        return new EntrainmentStatistic(nonPartner - partner, (1.0 + atLeast) / (1.0 + permutations), adjacent.Count);
    }

    private EntrainmentStatistic Convergence(List<(SpeechUnit First, SpeechUnit Second)> adjacent, Random random)
    {
        var time = adjacent.Select(p => p.Second.Start.Seconds).ToArray();
        var difference = adjacent.Select(p => Math.Abs(p.First.Value - p.Second.Value)).ToArray();
        // Converging means the difference falls with time: test for r below the permuted values.
        return CorrelationTest(time, difference, random, entrainedWhenPositive: false);
    }

    private EntrainmentStatistic Synchrony(List<(SpeechUnit First, SpeechUnit Second)> adjacent, Random random)
    {
        // Orient every pair as (A's unit, B's unit) so the correlation is between the two speakers' values.
        var a = adjacent.Select(p => p.First.Speaker == Participant.A ? p.First.Value : p.Second.Value).ToArray();
        var b = adjacent.Select(p => p.First.Speaker == Participant.A ? p.Second.Value : p.First.Value).ToArray();
        return CorrelationTest(a, b, random, entrainedWhenPositive: true);
    }

    private EntrainmentStatistic CorrelationTest(double[] x, double[] y, Random random, bool entrainedWhenPositive)
    {
        var observed = Pearson(x, y);
        if (double.IsNaN(observed))
            return new EntrainmentStatistic(double.NaN, double.NaN, x.Length);
        var shuffled = (double[])y.Clone();
        var atLeast = 0;
        for (var p = 0; p < permutations; p++)
        {
            random.Shuffle(shuffled);
            var r = Pearson(x, shuffled);
            if (entrainedWhenPositive ? r >= observed : r <= observed)
                atLeast++;
        }

        return new EntrainmentStatistic(observed, (1.0 + atLeast) / (1.0 + permutations), x.Length);
    }

    private static double Pearson(double[] x, double[] y)
    {
        if (x.Length < 3)
            return double.NaN;
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }
}
