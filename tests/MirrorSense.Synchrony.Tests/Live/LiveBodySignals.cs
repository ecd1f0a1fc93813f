using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Live;

namespace MirrorSense.Synchrony.Tests.Live;

/// <summary>
/// Body grid samples of a constructed dyad for the live engine: A's posture components and motion are smooth random
/// movements; B either copies A's mirror image a given lag later or moves on its own, stretch by stretch.
/// </summary>
internal sealed class LiveBodySignals
{
    public const double Rate = 30;
    public const string Gesture = "pixel_motion";

    private readonly Movement[] _a;
    private readonly Movement[] _independentB;

    public LiveBodySignals(int seed)
    {
        Layout = new LiveBodyLayout(BodyFeatures.Schema.Then(new FeatureSchema([Gesture])), Gesture, Rate);
        var random = new Random(seed);
        _a = [.. Enumerable.Range(0, Layout.Width).Select(_ => new Movement(random))];
        _independentB = [.. Enumerable.Range(0, Layout.Width).Select(_ => new Movement(random))];
    }

    public LiveBodyLayout Layout { get; }

    /// <summary>Grid sample <paramref name="index"/>: B mirrors A <paramref name="lagSeconds"/> later, or (null) moves independently.</summary>
    public FeatureSample Sample(long index, double? lagSeconds, bool bVisible = true)
    {
        var t = index / Rate;
        var a = new double[Layout.Width];
        var b = new double[Layout.Width];
        for (var f = 0; f < Layout.Width; f++)
        {
            a[f] = _a[f].At(t);
            b[f] = _independentB[f].At(t);
        }

        if (lagSeconds is { } lag)
        {
            var schema = Layout.Schema;
            for (var k = 0; k < schema.Count; k++)
            {
                var sign = schema.Components[k].FlipsSign ? -1 : 1;
                b[Layout.PostureIndices[schema.MirrorIndex[k]]] = sign * _a[Layout.PostureIndices[k]].At(t - lag);
            }

            b[Layout.GestureIndex] = _a[Layout.GestureIndex].At(t - lag);
        }

        if (!bVisible)
            Array.Fill(b, double.NaN);
        return new FeatureSample(MediaTime.FromSeconds(t), index, Layout.Features, [.. a], [.. b]);
    }

    /// <summary>A smooth random movement: a few slow sinusoids and a little jitter (the jitter is the same for the same time).</summary>
    private sealed class Movement
    {
        private readonly (double Hz, double Phase, double Amplitude)[] _parts;
        private readonly int _jitterSeed;

        public Movement(Random random)
        {
            _parts = [.. Enumerable.Range(0, 4).Select(_ => (0.05 + 0.4 * random.NextDouble(), 2 * Math.PI * random.NextDouble(), 0.5 + random.NextDouble()))];
            _jitterSeed = random.Next();
        }

        public double At(double t)
        {
            var value = _parts.Sum(p => p.Amplitude * Math.Sin(2 * Math.PI * p.Hz * t + p.Phase));
            // A fixed integer hash of (seed, millisecond): the same jitter in every run (HashCode is per process).
            var h = unchecked((uint)_jitterSeed * 2654435761u ^ (uint)(long)Math.Round(t * 1000) * 2246822519u);
            h ^= h >> 15;
            h *= 2654435761u;
            h ^= h >> 13;
            return value + 0.05 * (h / (double)uint.MaxValue - 0.5);
        }
    }
}
