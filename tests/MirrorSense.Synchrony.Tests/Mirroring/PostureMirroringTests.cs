using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Mirroring;

namespace MirrorSense.Synchrony.Tests.Mirroring;

public sealed class PostureMirroringTests
{
    private const double Rate = 30;
    private const int Seconds = 60;

    private static readonly PostureSchema Schema = new(
    [
        PostureComponent.Midline("lean_sideways", flipsSign: true),
        PostureComponent.Midline("head_roll", flipsSign: true),
        PostureComponent.Midline("lean_forward", flipsSign: false),
        new PostureComponent("left_arm_elevation", "right_arm_elevation", FlipsSign: false),
        new PostureComponent("right_arm_elevation", "left_arm_elevation", FlipsSign: false),
    ]);

    private static readonly PostureMirroring Measure = new(new PostureMirroringOptions(Surrogates: 39));

    [Fact]
    public void B_copying_A_mirrored_one_second_later_is_significant_mirroring_led_by_A()
    {
        var session = Copy(seed: 1, delaySeconds: 1, mirrored: true);

        var result = Measure.Compute(session);

        Assert.InRange(result.BestLagSeconds, 0.85, 1.15);
        Assert.Equal(Participant.A, result.Leader);
        Assert.True(result.MirroredSimilarity > result.AnatomicalSimilarity, $"mirrored {result.MirroredSimilarity} vs anatomical {result.AnatomicalSimilarity}");
        Assert.True(result.PValue < 0.05, $"p = {result.PValue}");
    }

    [Fact]
    public void A_following_B_makes_B_the_leader_at_a_negative_lag()
    {
        var copy = Copy(seed: 2, delaySeconds: 2, mirrored: true);
        var swapped = copy.WithSeries(copy.B, copy.A);

        var result = Measure.Compute(swapped);

        Assert.InRange(result.BestLagSeconds, -2.15, -1.85);
        Assert.Equal(Participant.B, result.Leader);
    }

    [Fact]
    public void B_copying_the_same_side_is_anatomical_not_mirrored()
    {
        var result = Measure.Compute(Copy(seed: 3, delaySeconds: 1, mirrored: false));

        Assert.True(result.AnatomicalSimilarity > result.MirroredSimilarity, $"mirrored {result.MirroredSimilarity} vs anatomical {result.AnatomicalSimilarity}");
        Assert.False(result.IsMirroring);
    }

    [Fact]
    public void Independent_movers_of_any_session_length_come_out_significant_about_one_time_in_twenty()
    {
        // Given 60 independent pairs of 50 s to 3 min
        // When each is tested against its own surrogates
        var significant = Enumerable.Range(100, 60)
            .Count(seed => Measure.Compute(Independent(seed, seconds: 50 + seed % 7 * 20)).PValue < 0.05);

        // Then about 3 are significant: 8 or more has a chance near 2 % if the test holds its level (rotations of B's
        // whole recording whose windows across the seam were kept gave 28 of 100 on such pairs).
        Assert.True(significant <= 7, $"{significant} of 60 independent pairs were significant");
    }

    [Fact]
    public void Partial_mirroring_over_three_minutes_is_found_with_its_lag()
    {
        // Given 12 sessions of 3 min where B does 0.6 of A's mirror image 0.5–3 s later on top of its own movement
        var results = Enumerable.Range(300, 12).Select(seed =>
        {
            var lag = 0.5 + seed % 6 * 0.5;
            return (Lag: lag, Result: Measure.Compute(PartialMirror(seed, lag, seconds: 180)));
        }).ToArray();

        // Then nearly all are significant, led by A, near the designed lag: B's own slow movement shifts the broad peak
        // of a partial copy by up to a few tenths of a second (17 of 20 such sessions within 0.15 s, all within 0.7 s)
        Assert.True(results.Count(r => r.Result.PValue < 0.05) >= 11, string.Join(", ", results.Select(r => $"p {r.Result.PValue:0.###}")));
        Assert.All(results, r => Assert.True(Math.Abs(r.Result.BestLagSeconds - r.Lag) <= 0.7, $"designed {r.Lag} s, found {r.Result.BestLagSeconds} s (p {r.Result.PValue:0.###})"));
        Assert.All(results, r => Assert.Equal(Participant.A, r.Result.Leader));
    }

    [Fact]
    public void A_schema_whose_mirrors_do_not_name_each_other_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PostureSchema(
        [
            new PostureComponent("left", "right", FlipsSign: false),
            new PostureComponent("right", "middle", FlipsSign: false),
            PostureComponent.Midline("middle", flipsSign: false),
        ]));
    }

    /// <summary>A moves on every component; B does the same (or its mirror image) a fixed delay later, with its own small noise.</summary>
    private static PostureSeries Copy(int seed, double delaySeconds, bool mirrored)
    {
        var random = new Random(seed);
        var length = (int)(Rate * Seconds);
        var a = Enumerable.Range(0, Schema.Count).Select(_ => Movement(random, length)).ToArray();
        var delay = (int)Math.Round(delaySeconds * Rate);
        var b = new double[Schema.Count][];
        for (var k = 0; k < Schema.Count; k++)
        {
            var source = mirrored ? Schema.MirrorIndex[k] : k;
            var sign = mirrored && Schema.Components[k].FlipsSign ? -1 : 1;
            b[k] = new double[length];
            for (var t = 0; t < length; t++)
                b[k][t] = (t >= delay ? sign * a[source][t - delay] : 0) + 0.2 * (random.NextDouble() - 0.5);
        }

        return Session($"copy-{seed}", a, b);
    }

    /// <summary>B: 0.6 of A's mirror image <paramref name="lagSeconds"/> later, plus B's own movement.</summary>
    private static PostureSeries PartialMirror(int seed, double lagSeconds, double seconds)
    {
        var random = new Random(seed);
        var length = (int)(Rate * seconds);
        var a = Enumerable.Range(0, Schema.Count).Select(_ => Movement(random, length)).ToArray();
        var own = Enumerable.Range(0, Schema.Count).Select(_ => Movement(random, length)).ToArray();
        var delay = (int)Math.Round(lagSeconds * Rate);
        var b = new double[Schema.Count][];
        for (var k = 0; k < Schema.Count; k++)
        {
            var sign = Schema.Components[k].FlipsSign ? -1 : 1;
            b[k] = [.. Enumerable.Range(0, length).Select(t => (t >= delay ? 0.6 * sign * a[Schema.MirrorIndex[k]][t - delay] : 0) + own[k][t])];
        }

        return Session($"partial-{seed}", a, b);
    }

    private static PostureSeries Independent(int seed, double seconds = Seconds)
    {
        var random = new Random(seed);
        var length = (int)(Rate * seconds);
        return Session($"independent-{seed}",
            [.. Enumerable.Range(0, Schema.Count).Select(_ => Movement(random, length))],
            [.. Enumerable.Range(0, Schema.Count).Select(_ => Movement(random, length))]);
    }

    /// <summary>Slow postural drift: a few sinusoids of 3–15 s periods with random phases, plus jitter.</summary>
    private static double[] Movement(Random random, int length)
    {
        var parts = Enumerable.Range(0, 4).Select(_ => (Period: 3 + random.NextDouble() * 12, Phase: random.NextDouble() * 2 * Math.PI, Size: random.NextDouble())).ToArray();
        return [.. Enumerable.Range(0, length).Select(t => parts.Sum(p => p.Size * Math.Sin(2 * Math.PI * t / Rate / p.Period + p.Phase)) + 0.1 * (random.NextDouble() - 0.5))];
    }

    private static PostureSeries Session(string name, double[][] a, double[][] b) =>
        new(name, Schema, Rate, [.. a.Select(s => ImmutableArray.Create(s))], [.. b.Select(s => ImmutableArray.Create(s))]);
}
