using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Synchrony.Tests.Coordination;

public sealed class HolmAdjustmentTests
{
    [Fact]
    public void Each_p_value_is_multiplied_by_the_number_of_tests_left_at_its_rank()
    {
        // Given four p-values out of order
        var adjusted = HolmAdjustment.Adjust([0.04, 0.01, 0.03, 0.5]);

        // Then the smallest is multiplied by 4, the next by 3, then 2, then 1, each at least the one before
        Assert.Equal([0.09, 0.04, 0.09, 0.5], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Adjusted_p_values_never_exceed_one()
    {
        Assert.Equal([1.0, 1.0], HolmAdjustment.Adjust([0.6, 0.9]));
    }

    [Fact]
    public void A_missing_p_value_stays_missing_and_does_not_count_as_a_test()
    {
        var adjusted = HolmAdjustment.Adjust([double.NaN, 0.02, 0.04]);

        Assert.True(double.IsNaN(adjusted[0]));
        Assert.Equal(0.04, adjusted[1], 12);
        Assert.Equal(0.04, adjusted[2], 12);
    }
}
