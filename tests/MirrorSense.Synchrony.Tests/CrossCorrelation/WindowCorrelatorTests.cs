using MirrorSense.Synchrony.CrossCorrelation;

namespace MirrorSense.Synchrony.Tests.CrossCorrelation;

public sealed class WindowCorrelatorTests
{
    [Theory]
    [InlineData(0, 40, 0.05)]
    [InlineData(2, 40, 0.05)]
    [InlineData(9, 40, 0.1)]
    [InlineData(12, 40, 0.2)]
    [InlineData(5, 8, 0.3)]
    [InlineData(7, 6, 0.35)]
    public void With_samples_missing_every_lag_is_the_two_pass_correlation_of_its_complete_pairs_to_the_bit(int lag, int window, double missingShare)
    {
        // Given a window span of two series with gaps, stretches where one holds still, and as many lags as asked
        var settings = new CrossCorrelationSettings(sampleRate: 1, lagSeconds: lag, windowSeconds: window, incrementSeconds: 1, fisherZ: true, absolute: false);
        var random = new Random(lag * 100 + window);
        var (a, b) = (Walk(random, settings.SpanSamples), Walk(random, settings.SpanSamples));
        Array.Fill(b, b[1], 2, Math.Min(4, settings.SpanSamples - 2));
        var missingA = Knock(random, a, missingShare);
        var missingB = Knock(random, b, missingShare);

        // When the window is correlated
        var values = new WindowCorrelator(settings).Correlate(a, b, Math.Max(Math.Max(missingA, missingB), 1));

        // Then each lag holds R's cor(x, y, use = "complete.obs") of its own pairs as a loop over that lag alone sums them
        Assert.Contains(values, v => !double.IsNaN(v));
        for (var l = -lag; l <= lag; l++)
        {
            var (x0, y0) = l >= 0 ? (0, l) : (-l, 0);
            var expected = FisherZ(TwoPass(a.AsSpan(x0, window), b.AsSpan(y0, window)));
            Assert.True(SameBits(expected, values[settings.LagIndex(l)]), $"lag {l}: expected {expected:R}, got {values[settings.LagIndex(l)]:R}");
        }
    }

    [Fact]
    public void A_series_that_holds_one_value_over_the_span_leaves_every_lag_missing()
    {
        var settings = new CrossCorrelationSettings(sampleRate: 1, lagSeconds: 5, windowSeconds: 30, incrementSeconds: 1, fisherZ: true, absolute: false);
        var moving = Walk(new Random(1), settings.SpanSamples);
        var still = Enumerable.Repeat(2.5, settings.SpanSamples).ToArray();
        still[7] = double.NaN;

        Assert.All(new WindowCorrelator(settings).Correlate(moving, still, worstMissing: 1), v => Assert.True(double.IsNaN(v)));
        Assert.All(new WindowCorrelator(settings).Correlate(still, moving, worstMissing: 1), v => Assert.True(double.IsNaN(v)));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(37)]
    [InlineData(600)]
    public void Dot_products_at_several_shifts_at_once_are_summed_as_each_one_alone(int length)
    {
        var random = new Random(length);
        var x = Walk(random, length);
        var shifted = Walk(random, length + Kernels.ShiftsAtOnce + 5);
        var dots = new double[Kernels.ShiftsAtOnce];

        Kernels.ShiftedDots(x, shifted, shift: 5, dots);

        for (var j = 0; j < dots.Length; j++)
            Assert.Equal(Kernels.Dot(x, shifted.AsSpan(5 + j, length)), dots[j]);
    }

    /// <summary>rMEA's correlation of the complete pairs: two passes, the first relative to the first pair.</summary>
    private static double TwoPass(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        long count = 0, differing = 0;
        double sumX = 0, sumY = 0, firstX = 0, firstY = 0;
        bool xChanges = false, yChanges = false;
        for (var k = 0; k < x.Length; k++)
        {
            if (double.IsNaN(x[k]) || double.IsNaN(y[k]))
                continue;
            if (count++ == 0)
                (firstX, firstY) = (x[k], y[k]);
            xChanges |= x[k] != firstX;
            yChanges |= y[k] != firstY;
            differing += x[k] != y[k] ? 1 : 0;
            sumX += x[k] - firstX;
            sumY += y[k] - firstY;
        }

        if (count < 2 || differing < 2 || !xChanges || !yChanges)
            return double.NaN;
        var (meanX, meanY) = (firstX + sumX / count, firstY + sumY / count);
        double squaresX = 0, squaresY = 0, products = 0;
        for (var k = 0; k < x.Length; k++)
        {
            if (double.IsNaN(x[k]) || double.IsNaN(y[k]))
                continue;
            var (dx, dy) = (x[k] - meanX, y[k] - meanY);
            squaresX += dx * dx;
            squaresY += dy * dy;
            products += dx * dy;
        }

        return squaresX > 0 && squaresY > 0 ? Math.Clamp(products / (Math.Sqrt(squaresX) * Math.Sqrt(squaresY)), -1.0, 1.0) : double.NaN;
    }

    private static double FisherZ(double r) => double.IsNaN(r) ? r : Math.Clamp(Math.Atanh(r), -10, 10);

    private static bool SameBits(double expected, double actual) =>
        double.IsNaN(expected) ? double.IsNaN(actual) : BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual);

    private static double[] Walk(Random random, int length)
    {
        var values = new double[length];
        for (var i = 1; i < length; i++)
            values[i] = values[i - 1] + random.NextDouble() - 0.5;
        return values;
    }

    /// <summary>Marks about <paramref name="share"/> of the samples missing; returns how many are.</summary>
    private static int Knock(Random random, double[] series, double share)
    {
        for (var i = 0; i < series.Length; i++)
        {
            if (random.NextDouble() < share)
                series[i] = double.NaN;
        }

        return series.Count(double.IsNaN);
    }
}
