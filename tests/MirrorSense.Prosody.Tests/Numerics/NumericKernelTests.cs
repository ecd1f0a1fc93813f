using MirrorSense.Prosody.Numerics;

namespace MirrorSense.Prosody.Tests.Numerics;

/// <summary>The vectorised kernels against the plain definitions they replace.</summary>
public sealed class NumericKernelTests
{
    private static double[] Random(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.NextDouble() * 2 - 1)];
    }

    public sealed class TheFft
    {
        [Theory]
        [InlineData(2)]
        [InlineData(4)]
        [InlineData(8)]
        [InlineData(64)]
        [InlineData(512)]
        public void Should_equal_the_discrete_fourier_transform_by_its_definition(int size)
        {
            // Given a random complex signal
            var re = Random(size, seed: size);
            var im = Random(size, seed: size + 1);

            // When it is transformed forward and, separately, inverse
            var fft = new Fft(size);
            var forwardRe = (double[])re.Clone();
            var forwardIm = (double[])im.Clone();
            fft.Transform(forwardRe, forwardIm, inverse: false);
            var inverseRe = (double[])re.Clone();
            var inverseIm = (double[])im.Clone();
            fft.Transform(inverseRe, inverseIm, inverse: true);

            // Then both equal the sums Σ x[n]·e^{∓2πikn/N}
            for (var k = 0; k < size; k++)
            {
                foreach (var (sign, gotRe, gotIm) in new[] { (-1.0, forwardRe[k], forwardIm[k]), (1.0, inverseRe[k], inverseIm[k]) })
                {
                    double sumRe = 0, sumIm = 0;
                    for (var n = 0; n < size; n++)
                    {
                        var angle = sign * 2 * Math.PI * k * n / size;
                        sumRe += re[n] * Math.Cos(angle) - im[n] * Math.Sin(angle);
                        sumIm += re[n] * Math.Sin(angle) + im[n] * Math.Cos(angle);
                    }
                    Assert.Equal(sumRe, gotRe, 1e-9);
                    Assert.Equal(sumIm, gotIm, 1e-9);
                }
            }
        }
    }

    public sealed class TheAutocorrelation
    {
        [Theory]
        [InlineData(638, 1024)]
        [InlineData(637, 1024)]
        [InlineData(5, 16)]
        public void Should_equal_the_direct_sum_of_lagged_products_for_a_zero_padded_signal(int length, int size)
        {
            // Given a real signal shorter than the transform (so lags up to size − length do not wrap)
            var signal = Random(length, seed: length);

            // When its autocorrelation is taken through the packed half-size transforms
            var result = new double[size];
            new FftAutocorrelation(size).Transform(signal, result);

            // Then each lag is Σ x[n]·x[n + lag], scaled by the transform size (unnormalised inverse)
            for (var lag = 0; lag <= Math.Min(size - length, length - 1); lag++)
            {
                var direct = 0.0;
                for (var n = 0; n + lag < length; n++)
                    direct += signal[n] * signal[n + lag];
                Assert.Equal(direct * size, result[lag], 1e-12 * size * length);
            }
        }

        [Fact]
        public void Should_give_the_same_result_in_place_as_into_a_separate_buffer()
        {
            // Given a signal padded in its own buffer, and the same signal unpadded
            var signal = Random(600, seed: 3);
            var inPlace = new double[1024];
            signal.CopyTo(inPlace, 0);
            var separate = new double[1024];

            // When both are transformed
            var autocorrelation = new FftAutocorrelation(1024);
            autocorrelation.Transform(inPlace);
            autocorrelation.Transform(signal, separate);

            // Then the results are identical
            Assert.Equal(separate, inPlace);
        }
    }

    public sealed class TheSpanKernels
    {
        [Theory]
        [InlineData(0)]
        [InlineData(3)]
        [InlineData(17)]
        [InlineData(640)]
        public void Should_give_the_plain_loops_results_at_every_length(int length)
        {
            // Given random values (floats for widening) and weights
            var x = Random(length, seed: 11);
            var w = Random(length, seed: 12).Select(Math.Abs).ToArray();
            var floats = x.Select(v => (float)v).ToArray();

            // When each kernel runs
            var widened = new double[length];
            SpanMath.Widen(floats, widened);
            var windowed = new double[length];
            SpanMath.SubtractMultiply(x, 0.25, w, windowed);
            var divided = new double[length];
            SpanMath.DivideScaled(x, 3.0, w, divided);
            var (squares, weights) = SpanMath.WeightedSquaredDeviations(x, 0.25, w);

            // Then element-wise results are exact and sums agree to rounding
            Assert.Equal(floats.Select(f => (double)f), widened);
            Assert.Equal(x.Select((v, i) => (v - 0.25) * w[i]), windowed);
            Assert.Equal(x.Select((v, i) => v / (3.0 * w[i])), divided);
            Assert.Equal(x.Sum(), SpanMath.Sum(x), 1e-12);
            Assert.Equal(length == 0 ? 0.0 : x.Max(Math.Abs), SpanMath.MaxAbs(x));
            Assert.Equal(x.Select((v, i) => (v - 0.25) * (v - 0.25) * w[i]).Sum(), squares, 1e-12);
            Assert.Equal(w.Sum(), weights, 1e-12);
        }
    }

    public sealed class TheSincInterpolation
    {
        [Theory]
        [InlineData(30, 100.25)]
        [InlineData(70, 100.5)]
        [InlineData(70, 200.999999)]
        [InlineData(70, 150.000001)]
        [InlineData(12, 60.7)]
        public void Should_equal_the_tapered_sinc_sum_by_its_definition(int depth, double x)
        {
            // Given a random sampled function (1-based positions, as in Praat)
            var y = Random(400, seed: depth);

            // When it is interpolated between samples
            var interpolated = SincInterpolation.Interpolate(y, x, depth);

            // Then the result is Σ y[i]·sin(π(x − i))/(π(x − i))·½(1 + cos(π(x − i)/(depth + ½))) over depth samples each side
            var midLeft = (int)Math.Floor(x);
            var expected = 0.0;
            for (var i = midLeft - depth + 1; i <= midLeft + depth; i++)
            {
                var phase = Math.PI * (x - i);
                expected += y[i - 1] * Math.Sin(phase) / phase * 0.5 * (1 + Math.Cos(phase / (depth + 0.5)));
            }
            Assert.Equal(expected, interpolated, 1e-12);
        }

        [Fact]
        public void Should_return_the_sample_itself_at_a_whole_position()
        {
            // Given a sampled function, When it is read exactly at sample 123, Then that sample comes back
            var y = Random(300, seed: 4);
            Assert.Equal(y[122], SincInterpolation.Interpolate(y, 123, 70));
        }
    }
}
