using MirrorSense.Core;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Synchrony.Live;

namespace MirrorSense.Synchrony.Tests.Live;

/// <summary>
/// Body grid samples with faces for the live engine: each person smiles now and then (a smile rises over a few hundred
/// milliseconds, holds one to three seconds and fades), looks towards the partner when told, and tips the head as
/// told; B smiles B's own smiles and, when answering, A's too a given lag later. The body features stay still: only the faces move.
/// </summary>
internal sealed class LiveFaceSignals
{
    public const double Rate = 30;

    private readonly Smiles _a;
    private readonly Smiles _b;

    public LiveFaceSignals(int seed)
    {
        var features = BodyFeatures.Schema.Then(new FeatureSchema([LiveBodySignals.Gesture, FaceFeatures.Smile, FaceFeatures.LookingAtPartner, FaceFeatures.HeadPitch]));
        Layout = new LiveBodyLayout(features, LiveBodySignals.Gesture, Rate);
        var random = new Random(seed);
        _a = new Smiles(random, 600);
        _b = new Smiles(random, 600);
    }

    public LiveBodyLayout Layout { get; }

    /// <summary>Grid sample <paramref name="index"/>; a person's look or pitch given as null has no face read then.</summary>
    public FeatureSample Sample(long index, double? smileLagSeconds, bool? lookingA = true, bool? lookingB = true, double? pitchA = 0, double? pitchB = 0)
    {
        var t = index / Rate;
        var faces = Layout.Faces!;
        var a = new double[Layout.Width];
        var b = new double[Layout.Width];
        a[faces.Smile] = lookingA is null ? double.NaN : _a.At(t);
        b[faces.Smile] = lookingB is null ? double.NaN : smileLagSeconds is { } lag ? Math.Max(_a.At(t - lag), _b.At(t)) : _b.At(t);
        a[faces.LookingAtPartner] = lookingA is { } la ? (la ? 1 : 0) : double.NaN;
        b[faces.LookingAtPartner] = lookingB is { } lb ? (lb ? 1 : 0) : double.NaN;
        a[faces.HeadPitch] = pitchA ?? double.NaN;
        b[faces.HeadPitch] = pitchB ?? double.NaN;
        return new FeatureSample(MediaTime.FromSeconds(t), index, Layout.Features, [.. a], [.. b]);
    }

    /// <summary>A nod: the head dips by <paramref name="degrees"/> and back twice at 2 Hz from <paramref name="start"/>; 0 elsewhere.</summary>
    public static double Nod(double t, double start, double degrees = 12) =>
        t >= start && t < start + 1 ? -degrees * Math.Sin(2 * Math.PI * 2 * (t - start)) : 0;

    /// <summary>One person's smile over time: smiles of random strength and length at random moments (about one every 5 s).</summary>
    private sealed class Smiles
    {
        private readonly (double Start, double Hold, double Strength)[] _smiles;

        public Smiles(Random random, double seconds)
        {
            var smiles = new List<(double, double, double)>();
            for (var t = 1 + 4 * random.NextDouble(); t < seconds; t += 2.5 + 5 * random.NextDouble())
                smiles.Add((t, 1 + 2 * random.NextDouble(), 0.4 + 0.6 * random.NextDouble()));
            _smiles = [.. smiles];
        }

        public double At(double t)
        {
            double value = 0;
            foreach (var (start, hold, strength) in _smiles)
            {
                // Up over 0.4 s, held, down over 0.6 s.
                var up = Math.Clamp((t - start) / 0.4, 0, 1);
                var down = Math.Clamp((start + 0.4 + hold + 0.6 - t) / 0.6, 0, 1);
                value = Math.Max(value, strength * Math.Min(up, down));
            }

            return value;
        }
    }
}
