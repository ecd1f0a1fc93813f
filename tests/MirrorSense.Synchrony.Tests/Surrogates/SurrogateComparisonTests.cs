using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Tests.Surrogates;

public sealed class SurrogateComparisonTests
{
    [Fact]
    public void Means_SDs_and_Cohens_d_follow_their_definitions()
    {
        // real: mean 2, sd 1; surrogate: mean 0, sd 1; pooled sd 1 → d = 2
        var comparison = SurrogateComparison.Compare([1, 2, 3], [-1, 0, 1], permutations: 10);

        Assert.Equal(2, comparison.RealMean, 12);
        Assert.Equal(1, comparison.RealSd, 12);
        Assert.Equal(0, comparison.SurrogateMean, 12);
        Assert.Equal(1, comparison.SurrogateSd, 12);
        Assert.Equal(2, comparison.CohensD, 12);
    }

    [Fact]
    public void Real_values_far_above_the_surrogates_are_significant_and_indistinguishable_ones_are_not()
    {
        var random = new Random(1);
        var surrogate = Enumerable.Range(0, 200).Select(_ => random.NextDouble()).ToArray();
        var high = Enumerable.Range(0, 10).Select(_ => 2 + random.NextDouble()).ToArray();
        var alike = Enumerable.Range(0, 10).Select(_ => random.NextDouble()).ToArray();

        Assert.True(SurrogateComparison.Compare(high, surrogate, seed: 3).PValue < 0.001);
        Assert.True(SurrogateComparison.Compare(alike, surrogate, seed: 3).PValue > 0.05);
    }

    [Fact]
    public void One_real_value_is_ranked_among_its_surrogates()
    {
        // 1 real value above 19 of 19 surrogates: p ≈ 1/20
        var comparison = SurrogateComparison.Compare([100], Enumerable.Range(0, 19).Select(i => (double)i), permutations: 20000, seed: 2);

        Assert.InRange(comparison.PValue, 0.04, 0.06);
    }

    [Fact]
    public void The_p_value_is_reproducible_from_its_seed()
    {
        double[] real = [0.5, 0.6, 0.4];
        double[] surrogate = [0.3, 0.5, 0.45, 0.2, 0.55];

        Assert.Equal(SurrogateComparison.Compare(real, surrogate, seed: 7).PValue, SurrogateComparison.Compare(real, surrogate, seed: 7).PValue);
    }
}
