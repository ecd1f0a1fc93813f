using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.CrossCorrelation;

namespace MirrorSense.Synchrony.Tests.Coordination;

public sealed class SmileMimicryTests
{
    private const double Rate = 30;
    private static readonly SmileMimicryOptions Options = new(Surrogates: 99);

    [Fact]
    public void B_smiling_back_one_second_after_A_is_smile_mimicry_led_by_A_at_that_lag()
    {
        // Given three minutes in which B answers 80 % of A's smiles 1 s later, and smiles on their own besides
        var random = new Random(3);
        var smilesA = Smiles(random, seconds: 180, perMinute: 5);
        var answers = smilesA.Where(_ => random.NextDouble() < 0.8).Select(s => s with { Start = s.Start + 1 + 0.1 * Gaussian(random) });
        var smilesB = Smiles(random, seconds: 180, perMinute: 2).Concat(answers).ToArray();

        // When smile mimicry is measured
        var measure = new SmileMimicry(Options).Compute(Dyad(random, 180, smilesA, smilesB));

        // Then it is beyond chance, A leads, and B follows about a second later
        Assert.Equal(MeasureNames.SmileMimicry, measure.Name);
        Assert.True(measure.Significant, $"p = {measure.PValue}");
        Assert.Equal(Participant.A, measure.Leader);
        Assert.InRange(measure.BestLagSeconds, 0.8, 1.2);
        Assert.True(measure.Detail("b_answers_a") > measure.Detail("a_answers_b"), $"B answers {measure.Detail("b_answers_a")}, A answers {measure.Detail("a_answers_b")}");
        Assert.True(measure.Detail("b_answers_a_p") < 0.05, $"p = {measure.Detail("b_answers_a_p")}");
        Assert.True(measure.Detail("shared_smiling_share") > measure.Detail("shared_smiling_chance"));
    }

    [Fact]
    public void People_who_smile_each_on_their_own_are_rarely_called_mimicking()
    {
        var significant = Enumerable.Range(100, 20).Count(seed =>
        {
            var random = new Random(seed);
            var seconds = 90 + random.Next(150);
            var dyad = Dyad(random, seconds, Smiles(random, seconds, perMinute: 2 + 5 * random.NextDouble()), Smiles(random, seconds, perMinute: 2 + 5 * random.NextDouble()));
            return new SmileMimicry(Options).Compute(dyad).Significant;
        });

        Assert.True(significant <= 3, $"{significant} of 20 independent sessions significant");
    }

    [Fact]
    public void Both_smiling_more_as_the_session_warms_up_is_not_mimicry()
    {
        // Given two people whose smiles grow more frequent over five minutes, each at their own moments
        var significant = Enumerable.Range(200, 10).Count(seed =>
        {
            var random = new Random(seed);
            var dyad = Dyad(random, 300, WarmingSmiles(random, 300), WarmingSmiles(random, 300));
            return new SmileMimicry(Options).Compute(dyad).Significant;
        });

        Assert.True(significant <= 2, $"{significant} of 10 warming sessions significant");
    }

    [Fact]
    public void A_session_shorter_than_one_window_is_insufficient_data()
    {
        var random = new Random(4);
        var dyad = Dyad(random, 20, Smiles(random, 20, 5), Smiles(random, 20, 5));

        Assert.Throws<InsufficientDataException>(() => new SmileMimicry(Options).Compute(dyad));
    }

    [Fact]
    public void A_face_never_seen_leaves_smile_mimicry_missing_with_the_reason()
    {
        var random = new Random(5);
        var seen = Dyad(random, 120, Smiles(random, 120, 5), []);
        var smile = seen.WithSeries(seen.A, [.. Enumerable.Repeat(double.NaN, seen.Length)]);

        var report = new CoordinationAnalysis(new CoordinationSettings()).Analyse(new SessionSignals(MediaTime.Zero, seen.Duration, null, null, null, null, new FaceSignals(smile, seen.WithSeries(seen.A, seen.A), [])));

        var missing = Assert.Single(report.Missing, m => m.Name == MeasureNames.SmileMimicry);
        Assert.Contains("no face of B", missing.Reason, StringComparison.Ordinal);
    }

    private sealed record Smile(double Start, double Seconds, double Height);

    private static Smile[] Smiles(Random random, double seconds, double perMinute)
    {
        var smiles = new List<Smile>();
        for (var t = Exponential(random, 60 / perMinute); t < seconds; t += Exponential(random, 60 / perMinute))
            smiles.Add(new Smile(t, 1 + 3 * random.NextDouble(), 0.5 + 0.5 * random.NextDouble()));
        return [.. smiles];
    }

    /// <summary>Smiles twice as frequent at the end of the session as at its start.</summary>
    private static Smile[] WarmingSmiles(Random random, double seconds) =>
        [.. Smiles(random, seconds, perMinute: 8).Where(s => random.NextDouble() < 0.33 + 0.67 * s.Start / seconds)];

    /// <summary>Each smile rises and falls over 0.4 s and holds between; the mesh adds a little jitter; faces vanish now and then.</summary>
    private static DyadSeries Dyad(Random random, double seconds, IEnumerable<Smile> a, IEnumerable<Smile> b)
    {
        var length = (int)(seconds * Rate);
        return new DyadSeries("smile", Rate, Signal(random, length, a), Signal(random, length, b));
    }

    private static ImmutableArray<double> Signal(Random random, int length, IEnumerable<Smile> smiles)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++)
            values[i] = 0.04 * Gaussian(random);
        foreach (var smile in smiles)
        {
            for (var i = Math.Max(0, (int)(smile.Start * Rate)); i < Math.Min(length, (int)((smile.Start + smile.Seconds + 0.8) * Rate)); i++)
            {
                var t = i / Rate - smile.Start;
                var rise = Math.Clamp(t / 0.4, 0, 1);
                var fall = Math.Clamp((smile.Start + smile.Seconds + 0.4 - i / Rate) / 0.4, 0, 1);
                values[i] = Math.Max(values[i], smile.Height * Math.Min(rise, fall));
            }
        }

        for (var gap = Exponential(random, 40) * Rate; gap < length; gap += Exponential(random, 40) * Rate)
            Array.Fill(values, double.NaN, (int)gap, Math.Min(length - (int)gap, (int)(Rate * (0.5 + 2 * random.NextDouble()))));
        return [.. values];
    }

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
