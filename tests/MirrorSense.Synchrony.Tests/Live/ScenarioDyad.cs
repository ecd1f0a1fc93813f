using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Live;

namespace MirrorSense.Synchrony.Tests.Live;

/// <summary>One stretch of a scenario: B moves on its own, or copies A's mirror image a lag later (a share of it, over B's own motion).</summary>
internal sealed record Stretch(double Seconds, double? MirrorLagSeconds = null, double MirrorShare = 1)
{
    public static Stretch Independent(double seconds) => new(seconds);

    public static Stretch Mirrored(double seconds, double lagSeconds, double share = 1) => new(seconds, lagSeconds, share);
}

/// <summary>
/// What the camera adds to both people at once, whatever they do: a slow shared trend (both lean more over the
/// session), frame-wide jumps (a tracker reset: every feature of both people moves at the same instant, then
/// settles or stays) and shaky stretches (the same jitter on both people's features frame by frame).
/// </summary>
internal sealed record Nuisance(double TrendPerMinute = 0, double JumpsPerMinute = 0, double ShakesPerMinute = 0)
{
    public static Nuisance None { get; } = new();
}

/// <summary>
/// A synthetic dyad on the body grid for the live engine, deterministic per seed: each person's posture components
/// and motion energy come from a few smooth random movements of their own (either a handful of slow sinusoids, like
/// a sway, or many, like a smooth random drift), mixed per component, plus a little sensor noise; B's relation to A
/// changes stretch by stretch; the <see cref="Nuisance"/> is added to both people's raw features.
/// </summary>
internal sealed class ScenarioDyad
{
    private const int Latents = 3;

    private readonly double[][] _a;
    private readonly double[][] _b;
    private readonly double _rate;

    public ScenarioDyad(int seed, IReadOnlyList<Stretch> stretches, Nuisance nuisance, double rate = 10)
    {
        _rate = rate;
        Layout = new LiveBodyLayout(BodyFeatures.Schema.Then(new FeatureSchema([LiveBodySignals.Gesture])), LiveBodySignals.Gesture, rate);
        Stretches = [.. stretches];
        var random = new Random(seed);
        Length = (int)Math.Round(stretches.Sum(s => s.Seconds) * rate);
        var personA = new Person(random, Layout, rate);
        var personB = new Person(random, Layout, rate);
        _a = [.. Enumerable.Range(0, Layout.Width).Select(f => personA.Series(f, Length))];
        var ownB = Enumerable.Range(0, Layout.Width).Select(f => personB.Series(f, Length)).ToArray();
        _b = [.. ownB.Select(f => (double[])f.Clone())];
        CopyWhereMirroring(ownB);
        AddNuisance(random, nuisance);
    }

    public LiveBodyLayout Layout { get; }

    public ImmutableArray<Stretch> Stretches { get; }

    public int Length { get; }

    public FeatureSample Sample(int index) =>
        new(MediaTime.FromSeconds(index / _rate), index, Layout.Features, [.. _a.Select(f => f[index])], [.. _b.Select(f => f[index])]);

    /// <summary>B's features while it mirrors: A's mirror image a lag later (share of it) over its own motion, cross-faded over a second at each switch so B does not jump.</summary>
    private void CopyWhereMirroring(double[][] ownB)
    {
        var schema = Layout.Schema;
        var start = 0.0;
        foreach (var stretch in Stretches)
        {
            if (stretch.MirrorLagSeconds is { } lag)
            {
                var from = (int)Math.Round(start * _rate);
                var to = (int)Math.Round((start + stretch.Seconds) * _rate);
                var lagSamples = (int)Math.Round(lag * _rate);
                for (var i = from; i < Math.Min(to, Length); i++)
                {
                    var weight = Math.Clamp(Math.Min(i - from, to - i) / _rate, 0, 1);
                    var source = Math.Max(0, i - lagSamples);
                    var own = stretch.MirrorShare >= 1 ? 0 : 1;
                    for (var k = 0; k < schema.Count; k++)
                    {
                        var sign = schema.Components[k].FlipsSign ? -1 : 1;
                        var target = Layout.PostureIndices[schema.MirrorIndex[k]];
                        var copy = stretch.MirrorShare * sign * _a[Layout.PostureIndices[k]][source] + own * ownB[target][i];
                        _b[target][i] = weight * copy + (1 - weight) * ownB[target][i];
                    }

                    var g = Layout.GestureIndex;
                    var gesture = stretch.MirrorShare * _a[g][source] + own * ownB[g][i];
                    _b[g][i] = weight * gesture + (1 - weight) * ownB[g][i];
                }
            }

            start += stretch.Seconds;
        }
    }

    private void AddNuisance(Random random, Nuisance nuisance)
    {
        var width = Layout.Width;
        var seconds = Length / _rate;
        // Both lean more as the session goes on, each feature by its own amount (the same for both people).
        var slopes = Enumerable.Range(0, width).Select(_ => nuisance.TrendPerMinute * (0.5 + random.NextDouble()) / 60).ToArray();
        for (var f = 0; f < width; f++)
            for (var i = 0; i < Length; i++)
            {
                _a[f][i] += slopes[f] * i / _rate;
                _b[f][i] += slopes[f] * i / _rate;
            }

        for (var j = 0; j < (int)Math.Round(nuisance.JumpsPerMinute * seconds / 60); j++)
        {
            var at = random.Next(Length);
            // A reset settles back within a few seconds, or leaves the skeleton offset for good.
            var settle = random.NextDouble() < 0.5 ? double.PositiveInfinity : 0.5 + 2.5 * random.NextDouble();
            var (sizeA, sizeB) = Shared(random, 1.5);
            for (var i = at; i < Length; i++)
            {
                var decay = Math.Exp(-(i - at) / _rate / settle);
                for (var f = 0; f < width; f++)
                {
                    _a[f][i] += decay * sizeA[f];
                    _b[f][i] += decay * sizeB[f];
                }
            }

            // The motion energy of both flares for the frames of the jump.
            for (var i = at; i < Math.Min(Length, at + 2); i++)
            {
                _a[Layout.GestureIndex][i] += 3;
                _b[Layout.GestureIndex][i] += 3;
            }
        }

        for (var s = 0; s < (int)Math.Round(nuisance.ShakesPerMinute * seconds / 60); s++)
        {
            var at = random.Next(Length);
            var until = Math.Min(Length, at + (int)Math.Round((1 + 2 * random.NextDouble()) * _rate));
            for (var i = at; i < until; i++)
            {
                var (jitterA, jitterB) = Shared(random, 0.8);
                for (var f = 0; f < width; f++)
                {
                    _a[f][i] += jitterA[f];
                    _b[f][i] += jitterB[f];
                }

                var flare = 2 * random.NextDouble();
                _a[Layout.GestureIndex][i] += flare;
                _b[Layout.GestureIndex][i] += flare;
            }
        }
    }

    /// <summary>
    /// One frame-wide displacement of every posture feature, as A's and B's features see it: the same values, or
    /// (the worst case) values that look mirrored, so that at lag 0 the event reads as perfect mirroring.
    /// </summary>
    private (double[] A, double[] B) Shared(Random random, double size)
    {
        var schema = Layout.Schema;
        var a = new double[Layout.Width];
        var b = new double[Layout.Width];
        var mirrorLike = random.NextDouble() < 0.5;
        for (var k = 0; k < schema.Count; k++)
            a[Layout.PostureIndices[k]] = size * (random.NextDouble() - 0.5);
        for (var k = 0; k < schema.Count; k++)
        {
            var value = a[Layout.PostureIndices[k]];
            if (mirrorLike)
                b[Layout.PostureIndices[schema.MirrorIndex[k]]] = schema.Components[k].FlipsSign ? -value : value;
            else
                b[Layout.PostureIndices[k]] = value;
        }

        return (a, b);
    }

    /// <summary>One person's own movement: a few smooth latent movements mixed per feature, and sensor noise.</summary>
    private sealed class Person
    {
        private readonly (double Hz, double Phase, double Amplitude)[][] _latents;
        private readonly double[][] _loadings;
        private readonly Random _noise;
        private readonly int _gesture;
        private readonly double _rate;

        public Person(Random random, LiveBodyLayout layout, double rate)
        {
            _rate = rate;
            _gesture = layout.GestureIndex;
            _latents = [.. Enumerable.Range(0, Latents).Select(_ => Latent(random))];
            _loadings = [.. Enumerable.Range(0, layout.Width).Select(_ => Enumerable.Range(0, Latents).Select(_ => 2 * random.NextDouble() - 1).ToArray())];
            _noise = new Random(random.Next());
        }

        public double[] Series(int feature, int length) => [.. Enumerable.Range(0, length).Select(i => At(feature, i / _rate))];

        private double At(int feature, double t)
        {
            if (feature == _gesture)
            {
                // Motion energy: how fast the person's latent movements change, never negative.
                double speed = 0;
                foreach (var latent in _latents)
                    speed += Math.Abs(latent.Sum(p => p.Amplitude * 2 * Math.PI * p.Hz * Math.Cos(2 * Math.PI * p.Hz * t + p.Phase)));
                return speed + 0.1 * (_noise.NextDouble() - 0.5);
            }

            double value = 0;
            for (var l = 0; l < Latents; l++)
                value += _loadings[feature][l] * _latents[l].Sum(p => p.Amplitude * Math.Sin(2 * Math.PI * p.Hz * t + p.Phase));
            return value + 0.3 * (_noise.NextDouble() - 0.5);
        }

        /// <summary>A sway (three slow sinusoids, 3–15 s periods) or a smooth random drift (many, 0.04–0.35 Hz), unit size.</summary>
        private static (double Hz, double Phase, double Amplitude)[] Latent(Random random)
        {
            var sway = random.NextDouble() < 0.5;
            var parts = Enumerable.Range(0, sway ? 3 : 12)
                .Select(_ => (Hz: sway ? 1 / (3 + 12 * random.NextDouble()) : 0.04 + 0.31 * random.NextDouble(), Phase: 2 * Math.PI * random.NextDouble(), Amplitude: 0.5 + random.NextDouble()))
                .ToArray();
            var size = Math.Sqrt(parts.Sum(p => p.Amplitude * p.Amplitude) / 2);
            return [.. parts.Select(p => (p.Hz, p.Phase, p.Amplitude / size))];
        }
    }
}
