using System.Numerics;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Tests.Surrogates;

public sealed class FourierTransformTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(300)]
    [InlineData(301)]
    public void The_transform_of_a_length_is_the_discrete_fourier_transform_both_ways(int length)
    {
        var random = new Random(length);
        var values = Enumerable.Range(0, length).Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5)).ToArray();
        var transform = new FourierTransform(length);

        var forward = (Complex[])values.Clone();
        transform.Forward(forward);
        var inverse = (Complex[])values.Clone();
        transform.Inverse(inverse);

        for (var f = 0; f < length; f++)
        {
            AssertClose(Direct(values, f, sign: -1), forward[f]);
            AssertClose(Direct(values, f, sign: 1), inverse[f]);
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(4096)]
    public void A_power_of_two_transform_rounds_as_plain_complex_arithmetic_does(int length)
    {
        var random = new Random(length);
        var values = Enumerable.Range(0, length).Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5)).ToArray();
        var expected = CooleyTukey(values);

        new FourierTransform(length).Forward(values);

        for (var f = 0; f < length; f++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[f].Real), BitConverter.DoubleToInt64Bits(values[f].Real));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[f].Imaginary), BitConverter.DoubleToInt64Bits(values[f].Imaginary));
        }
    }

    [Fact]
    public void One_transform_serves_only_its_own_length()
    {
        Assert.Throws<ArgumentException>(() => new FourierTransform(300).Forward(new Complex[301]));
    }

    private static Complex Direct(Complex[] values, int frequency, int sign)
    {
        var sum = Complex.Zero;
        for (var k = 0; k < values.Length; k++)
            sum += values[k] * Complex.FromPolarCoordinates(1, sign * 2 * Math.PI * ((long)frequency * k % values.Length) / values.Length);
        return sum;
    }

    /// <summary>The textbook radix-2 forward transform by recursion: the even and the odd samples' transforms, then butterflies.</summary>
    private static Complex[] CooleyTukey(Complex[] values)
    {
        var n = values.Length;
        if (n == 1)
            return [values[0]];
        var even = CooleyTukey([.. values.Where((_, i) => i % 2 == 0)]);
        var odd = CooleyTukey([.. values.Where((_, i) => i % 2 == 1)]);
        var angle = -2 * Math.PI / n;
        var step = new Complex(Math.Cos(angle), Math.Sin(angle));
        var twiddle = Complex.One;
        var spectrum = new Complex[n];
        for (var k = 0; k < n / 2; k++)
        {
            var turned = odd[k] * twiddle;
            spectrum[k] = even[k] + turned;
            spectrum[k + n / 2] = even[k] - turned;
            twiddle *= step;
        }

        return spectrum;
    }

    private static void AssertClose(Complex expected, Complex actual)
    {
        Assert.Equal(expected.Real, actual.Real, 1e-9);
        Assert.Equal(expected.Imaginary, actual.Imaginary, 1e-9);
    }
}
