using MirrorSense.Core;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Tests.Surrogates;

public sealed class DyadShuffleTests
{
    [SkippableFact]
    public void Shuffling_the_ten_normal_reference_dyads_yields_exactly_180_pseudo_dyads()
    {
        var dyads = Enumerable.Range(200, 10).Select(id => ReferenceDyads.Load("normal", $"{id}_01")).ToArray();

        Assert.Equal(180, DyadShuffle.AllPairs(dyads).Count);
    }

    [Theory]
    [InlineData(2, 4, 2)]
    [InlineData(5, 40, 20)]
    [InlineData(10, 180, 90)]
    public void All_pairs_are_every_combination_of_signals_except_real_partners(int dyadCount, int expected, int expectedKeepingRoles)
    {
        var dyads = Dyads(dyadCount);

        var all = DyadShuffle.AllPairs(dyads);
        var keepingRoles = DyadShuffle.AllPairs(dyads, keepRoles: true);

        Assert.Equal(expected, all.Count);
        Assert.Equal(expectedKeepingRoles, keepingRoles.Count);
        Assert.DoesNotContain(all, p => p.SourceA.Dyad == p.SourceB.Dyad);
        Assert.Equal(all.Count, all.Select(p => p.Series.Name).Distinct().Count());
        Assert.All(keepingRoles, p => Assert.Equal((Participant.A, Participant.B), (p.SourceA.Participant, p.SourceB.Participant)));
    }

    [Fact]
    public void Pairs_of_unequal_length_are_cut_to_the_shorter_series()
    {
        var dyads = new[] { Dyad("long", 100), Dyad("short", 60) };

        Assert.All(DyadShuffle.AllPairs(dyads), p => Assert.Equal(60, p.Series.Length));
    }

    [Fact]
    public void A_seeded_sample_is_reproducible_and_has_the_requested_size()
    {
        var dyads = Dyads(6);

        var first = DyadShuffle.Sample(dyads, 12, seed: 5).Select(p => p.Series.Name).ToArray();
        var again = DyadShuffle.Sample(dyads, 12, seed: 5).Select(p => p.Series.Name).ToArray();
        var other = DyadShuffle.Sample(dyads, 12, seed: 6).Select(p => p.Series.Name).ToArray();

        Assert.Equal(12, first.Length);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Shuffling_needs_two_dyads_at_one_sample_rate()
    {
        Assert.Throws<ArgumentException>(() => DyadShuffle.AllPairs([Dyad("only", 10)]));
        Assert.Throws<ArgumentException>(() => DyadShuffle.AllPairs([Dyad("a", 10), DyadSeries.FromArrays("b", 30, new double[10], new double[10])]));
    }

    private static DyadSeries[] Dyads(int count) => [.. Enumerable.Range(1, count).Select(i => Dyad($"d{i}", 50))];

    private static DyadSeries Dyad(string name, int length) =>
        DyadSeries.FromArrays(name, 10, [.. Enumerable.Range(0, length).Select(i => (double)i)], [.. Enumerable.Range(0, length).Select(i => -(double)i)]);
}
