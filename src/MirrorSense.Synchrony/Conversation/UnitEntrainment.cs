using MirrorSense.Core;
using MirrorSense.Synchrony.Preprocessing;

namespace MirrorSense.Synchrony.Conversation;

/// <summary>One entrainment statistic with its permutation p-value (one-sided, in the direction that means entrainment).</summary>
public readonly record struct EntrainmentStatistic(double Value, double PValue, int Pairs);

/// <summary>
/// Turn-level coordination on one feature of the units (mean pitch, loudness, speech rate, pitch range; MEASURES.md §3,
/// after Levitan &amp; Hirschberg):
/// <list type="bullet">
/// <item><b>Proximity</b>: how much closer adjacent units across a speaker change are than non-adjacent
/// units of the two speakers (mean non-partner minus mean partner difference; positive = entrained), on each
/// speaker's departures from their own slow course (see below).</item>
/// <item><b>Convergence</b>: the trend of the adjacent-pair difference over the session, as the correlation of
/// |A − B| with time (negative = the speakers grow more alike), on the values as they are, tested against B's units
/// rotated against A's.</item>
/// <item><b>Synchrony</b>: the correlation of adjacent turns' levels across speaker changes (positive = one
/// speaker's rise is met by the other's), on what is new in each turn (its departure less what the speaker's previous
/// turn predicts), for each direction apart: B's turns with the A turns they follow, and A's with the B turns they
/// follow. Turns are each speaker's units joined across their own short pauses (<see cref="SpeakerTurns"/>). The
/// stronger direction is the statistic, tested against the stronger of the two with B's turn levels shuffled, and it
/// names the leader.</item>
/// </list>
/// Proximity and synchrony compare each unit (turn) with its speaker's local course removed (a line through the
/// speaker's units within ± half the trend span, and through at least <see cref="FewestNeighboursEachSide"/> of them
/// either side). On the raw values, any drift of either speaker makes units close in
/// time closer in value than units far apart, and adjacent units are always close in time; a trend both share makes
/// adjacent values rise together. Both passed as entrainment although neither speaker answered the other.
/// Convergence is about the levels themselves coming together, so it keeps them.
/// </summary>
public sealed record UnitEntrainmentResult(EntrainmentStatistic Proximity, EntrainmentStatistic Convergence, TurnSynchrony Synchrony);

/// <summary>
/// Synchrony by direction. Why apart: the adjacent pairs of a conversation chain (A₁B₁, B₁A₂, A₂B₂, …) reuse every
/// turn twice, so pooled pairs are not independent and a permutation test of the pooled correlation calls
/// independent speakers synchronous about twice as often as it should (10 % of independent espeak-ng dyads); within one
/// direction each turn appears once. And answering is directional: when B answers A, only the A→B pairs carry it,
/// and the pooled correlation halves it.
/// </summary>
/// <param name="Stronger">The larger of the two directions' correlations, its p against the larger of the two with
/// B's turns shuffled, and the pairs of both directions.</param>
/// <param name="BFollowsA">Correlation of B's turns with the A turns just before them (NaN with fewer than three pairs).</param>
/// <param name="AFollowsB">Correlation of A's turns with the B turns just before them.</param>
public readonly record struct TurnSynchrony(EntrainmentStatistic Stronger, double BFollowsA, double AFollowsB)
{
    public double Value => Stronger.Value;

    public double PValue => Stronger.PValue;

    public int Pairs => Stronger.Pairs;

    /// <summary>The speaker whose turns the other's answer, named only when synchrony is beyond chance (p &lt; .05).</summary>
    public Participant? Leader => !(PValue < 0.05) ? null
        : double.IsNaN(AFollowsB) || BFollowsA >= AFollowsB ? Participant.A : Participant.B;
}

/// <summary>Computes <see cref="UnitEntrainmentResult"/> with seeded permutation tests.</summary>
/// <param name="trendSeconds">Span of each speaker's own course, removed before proximity and synchrony.</param>
/// <param name="turnPauseSeconds">Synchrony's turns: a speaker's units less than this apart (their own silence) are one turn.</param>
public sealed class UnitEntrainment(int permutations = 2000, int seed = 1, double trendSeconds = 60, double turnPauseSeconds = 1)
{
    /// <summary>
    /// The course under a unit or turn is fitted through at least this many of the speaker's own either side. Turns
    /// come every 10 s or so in a calm conversation, so volume's span (30 s then) held three of a speaker's turns, and the
    /// line through so few took much of what was new in each turn with it: where B answered the loudness of A's last
    /// turn (espeak-ng, 3 minutes, seed 11), turn synchrony found it in 30 % of sessions; with the line through at
    /// least seven turns, in 70 %. Reaching further (six either side) raised the false positives of speakers whose
    /// levels wander persistently on their own (an AR(1) course of 0.92 per unit) from 6 to 9 %; three keeps them at 7 %.
    /// </summary>
    public const int FewestNeighboursEachSide = 3;

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
        var times = ordered.Select(u => u.Start.Seconds).ToArray();
        var departures = Departures(times, speakers, values);
        var adjacent = Adjacent(speakers);

        var random = new Random(seed);
        return new UnitEntrainmentResult(
            Proximity(speakers, departures, adjacent, random),
            Convergence(ordered, speakers, values, adjacent, random),
            Synchrony(SpeakerTurns.Join(ordered, values, turnPauseSeconds), random));
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
    private double[] Departures(double[] times, Participant[] speakers, double[] values)
    {
        var result = (double[])values.Clone();
        foreach (var speaker in speakers.Distinct())
        {
            var mine = Enumerable.Range(0, times.Length).Where(i => speakers[i] == speaker).ToArray();
            var departures = LocalCourse.Remove([.. mine.Select(i => times[i])], [.. mine.Select(i => values[i])], trendSeconds / 2, FewestNeighboursEachSide);
            for (var k = 0; k < mine.Length; k++)
                result[mine[k]] = departures[k];
        }

        return result;
    }

    /// <summary>
    /// One speaker's turn levels as synchrony compares them: less their own slow course (<see cref="LocalCourse"/>),
    /// then less what their own previous turn predicts (a first-order autoregression fitted to them): what is new in
    /// each turn. A speaker whose level wanders over a few turns makes neighbouring turns alike on their own, and a
    /// shuffle of answers, which assumes any turn as likely as another, then calls two such speakers synchronous (a
    /// 5-minute dyad with 5-second pitch courses: p = 0.016). An answer to the partner is new in the answering turn, so
    /// it survives; a speaker without such wandering is left nearly as is.
    /// </summary>
    private double[] Innovations(double[] times, double[] levels)
    {
        var departures = LocalCourse.Remove(times, levels, trendSeconds / 2, FewestNeighboursEachSide);
        var persistence = LagOneCorrelation(departures);
        var result = (double[])departures.Clone();
        for (var k = 1; k < result.Length; k++)
            result[k] = departures[k] - persistence * departures[k - 1];
        return result;
    }

    /// <summary>The series' correlation with itself one step on, 0 when too short to tell.</summary>
    private static double LagOneCorrelation(double[] series)
    {
        if (series.Length < 8)
            return 0;
        var mean = series.Average();
        double together = 0, spread = 0;
        for (var i = 0; i < series.Length; i++)
        {
            spread += (series[i] - mean) * (series[i] - mean);
            if (i > 0)
                together += (series[i] - mean) * (series[i - 1] - mean);
        }

        return spread > 0 ? Math.Clamp(together / spread, -0.9, 0.95) : 0;
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

    private EntrainmentStatistic Convergence(SpeechUnit[] ordered, Participant[] speakers, double[] values, List<(int First, int Second)> adjacent, Random random)
    {
        var time = adjacent.Select(p => ordered[p.Second].Start.Seconds).ToArray();
        var a = adjacent.Select(p => speakers[p.First] == Participant.A ? values[p.First] : values[p.Second]).ToArray();
        var b = adjacent.Select(p => speakers[p.First] == Participant.A ? values[p.Second] : values[p.First]).ToArray();
        var observed = Pearson(time, Differences(a, b, 0));
        if (double.IsNaN(observed))
            return new EntrainmentStatistic(double.NaN, double.NaN, adjacent.Count);

        // The null: A's units against B's k pairs away, circularly. Two speakers who each drift on their own have
        // a difference that wanders too, and a wandering series correlates with time far more often than a shuffled
        // one (independent drifts passed as converging in 25 % of sessions). Rotating B keeps both courses and
        // breaks only their alignment; a real convergence, B moving towards where A is at the same time, is lost.
        var atLeast = 0;
        for (var p = 0; p < permutations; p++)
            if (Pearson(time, Differences(a, b, Rotation(b.Length, random))) <= observed)
                atLeast++;
        return new EntrainmentStatistic(observed, (1.0 + atLeast) / (1.0 + permutations), adjacent.Count);
    }

    private static double[] Differences(double[] a, double[] b, int rotation)
    {
        var differences = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
            differences[i] = Math.Abs(a[i] - b[(i + rotation) % b.Length]);
        return differences;
    }

    private TurnSynchrony Synchrony(SpeakerTurns turns, Random random)
    {
        var (timesA, levelsA) = turns.Of(Participant.A);
        var (timesB, levelsB) = turns.Of(Participant.B);
        var newInA = Innovations(timesA, levelsA);
        var bFollowsA = turns.Exchanges(Participant.A);
        var aFollowsB = turns.Exchanges(Participant.B);
        (double Stronger, double BFollowsA, double AFollowsB) Correlations(double[] newInB)
        {
            var r1 = Pearson([.. bFollowsA.Select(p => newInA[p.Earlier])], [.. bFollowsA.Select(p => newInB[p.Answer])]);
            var r2 = Pearson([.. aFollowsB.Select(p => newInB[p.Earlier])], [.. aFollowsB.Select(p => newInA[p.Answer])]);
            return (Stronger(r1, r2), r1, r2);
        }

        var pairs = bFollowsA.Length + aFollowsB.Length;
        var (observed, r1, r2) = Correlations(Innovations(timesB, levelsB));
        if (double.IsNaN(observed))
            return new TurnSynchrony(new EntrainmentStatistic(double.NaN, double.NaN, pairs), r1, r2);

        // The null: which of B's turns came when is arbitrary. B's levels are shuffled among B's turns as spoken,
        // and each shuffle goes through the same course removal and prediction as the real one: removing a course
        // through the few turns in its span leaves neighbouring turns related, and both speakers alike, so shuffling
        // what was left (as this test once did) called independent speakers synchronous in 7–9 % of sessions.
        // The larger of the two directions is what chance offers when either may win.
        var shuffled = (double[])levelsB.Clone();
        var atLeast = 0;
        for (var p = 0; p < permutations; p++)
        {
            random.Shuffle(shuffled);
            if (Correlations(Innovations(timesB, shuffled)).Stronger >= observed)
                atLeast++;
        }

        return new TurnSynchrony(new EntrainmentStatistic(observed, (1.0 + atLeast) / (1.0 + permutations), pairs), r1, r2);
    }

    /// <summary>A rotation drawn from all of them, none excluded: with few pairs the unrotated one must stay as likely
    /// as any other, or p can fall below what so few arrangements allow.</summary>
    private static int Rotation(int length, Random random) => random.Next(length);

    private static double Stronger(double r1, double r2) =>
        double.IsNaN(r1) ? r2 : double.IsNaN(r2) ? r1 : Math.Max(r1, r2);

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
