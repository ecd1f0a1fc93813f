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
    /// <param name="units">Both speakers' units, each naming its speaker.</param>
    /// <param name="feature">The feature compared (mean pitch, speech rate...); units where it is NaN are left out.</param>
    /// <exception cref="InvalidOperationException">A unit with a feature names no speaker.</exception>
    public UnitEntrainmentResult Analyse(IEnumerable<SpeechUnit> units, Func<SpeechUnit, double> feature)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(feature);
        var ordered = units.Where(u => !double.IsNaN(feature(u))).OrderBy(u => u.Start).ToArray();
        var speakers = ordered.Select(u => u.SpeakerInDyad).ToArray();
        var values = ordered.Select(feature).ToArray();
        var departures = Departures(ordered, speakers, values);
        var adjacent = Adjacent(speakers);

        var random = new Random(seed);
        return new UnitEntrainmentResult(
            Proximity(speakers, departures, adjacent, random),
            Convergence(ordered, values, adjacent, random),
            Synchrony(speakers, departures, adjacent, random));
    }

    /// <summary>Indices of the units on either side of each change of speaker.</summary>
    private static List<(int First, int Second)> Adjacent(Participant[] speakers)
    {
        var adjacent = new List<(int First, int Second)>();
        for (var i = 1; i < speakers.Length; i++)
            if (speakers[i] != speakers[i - 1])
                adjacent.Add((i - 1, i));
        return adjacent;
    }

    /// <summary>The values in the same order, each less its speaker's own course around it.</summary>
    private double[] Departures(SpeechUnit[] ordered, Participant[] speakers, double[] values)
    {
        var result = (double[])values.Clone();
        foreach (var speaker in speakers.Distinct())
        {
            var mine = Enumerable.Range(0, ordered.Length).Where(i => speakers[i] == speaker).ToArray();
            var times = mine.Select(i => ordered[i].Start.Seconds).ToArray();
            var departures = LocalCourse.Remove(times, [.. mine.Select(i => values[i])], trendSeconds / 2);
            for (var k = 0; k < mine.Length; k++)
                result[mine[k]] = departures[k];
        }

        return result;
    }

    private EntrainmentStatistic Proximity(Participant[] speakers, double[] values, List<(int First, int Second)> adjacent, Random random)
    {
        var a = Enumerable.Range(0, values.Length).Where(i => speakers[i] == Participant.A).Select(i => values[i]).ToArray();
        var b = Enumerable.Range(0, values.Length).Where(i => speakers[i] == Participant.B).Select(i => values[i]).ToArray();
        if (adjacent.Count == 0 || a.Length * b.Length <= adjacent.Count)
            return new EntrainmentStatistic(double.NaN, double.NaN, adjacent.Count);
        var partner = adjacent.Average(p => Math.Abs(values[p.First] - values[p.Second]));
        var allPairs = a.Sum(x => b.Sum(y => Math.Abs(x - y)));
        var nonPartner = (allPairs - adjacent.Sum(p => Math.Abs(values[p.First] - values[p.Second]))) / (a.Length * b.Length - adjacent.Count);

        // Null: which A–B pairs are adjacent is arbitrary; random pairs of the same number are as close.
        var atLeast = 0;
        for (var p = 0; p < permutations; p++)
        {
            var randomPartner = 0.0;
            for (var k = 0; k < adjacent.Count; k++)
                randomPartner += Math.Abs(a[random.Next(a.Length)] - b[random.Next(b.Length)]);
            if (randomPartner / adjacent.Count <= partner)
                atLeast++;
        }

        return new EntrainmentStatistic(nonPartner - partner, (1.0 + atLeast) / (1.0 + permutations), adjacent.Count);
    }

    private EntrainmentStatistic Convergence(SpeechUnit[] ordered, double[] values, List<(int First, int Second)> adjacent, Random random)
    {
        var time = adjacent.Select(p => ordered[p.Second].Start.Seconds).ToArray();
        var difference = adjacent.Select(p => Math.Abs(values[p.First] - values[p.Second])).ToArray();
        // Converging means the difference falls with time: test for r below the permuted values.
        return CorrelationTest(time, difference, random, entrainedWhenPositive: false);
    }

    private EntrainmentStatistic Synchrony(Participant[] speakers, double[] values, List<(int First, int Second)> adjacent, Random random)
    {
        // Orient every pair as (A's unit, B's unit) so the correlation is between the two speakers' values.
        var a = adjacent.Select(p => speakers[p.First] == Participant.A ? values[p.First] : values[p.Second]).ToArray();
        var b = adjacent.Select(p => speakers[p.First] == Participant.A ? values[p.Second] : values[p.First]).ToArray();
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
