using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Tracking;
using OpenCvSharp;
using Xunit.Abstractions;

namespace MirrorSense.Vision.Tests.Faces;

/// <summary>
/// Smile mimicry from video, the whole way: two real faces side by side (the portrait of <see cref="FaceClip"/> on the
/// right as B, its mirror image on the left as A), each made to smile by warping its mouth corners with a known signal,
/// every frame through pose, the face stage, the face features and the measure.
/// </summary>
public sealed class ConstructedSmileMimicryTests(ITestOutputHelper output)
{
    /// <summary>The measure reads smiles at 10 per second, so the clip needs no more.</summary>
    private const double FramesPerSecond = 10;

    private const double Seconds = 90;

    [SkippableFact]
    public void B_copying_As_smiles_one_second_later_reads_as_smile_mimicry_led_by_A_at_one_second()
    {
        // Given A smiling now and then (each smile rising, holding 1–3 s and falling), and B making each of A's smiles 1 s later
        var smiles = Smiles(new Random(7));
        double SmileA(double t) => smiles.Max(s => s.At(t));
        double SmileB(double t) => SmileA(t - 1);
        using var portrait = FaceClip.Portrait();
        var warp = new MouthCornerWarp(FaceClip.MeshOf(portrait));

        // When every frame goes through pose, the face stage, the face features and smile mimicry
        var smile = Run(t =>
        {
            using var a = warp.Apply(portrait, SmileA(t));
            using var mirroredA = a.Flip(FlipMode.Y);
            using var b = warp.Apply(portrait, SmileB(t));
            using var gap = new Mat(portrait.Rows, 160, MatType.CV_8UC3, new Scalar(128, 128, 128));
            var frame = new Mat();
            Cv2.HConcat([mirroredA, gap, b], frame);
            return frame;
        });
        var measure = new SmileMimicry(new SmileMimicryOptions()).Compute(smile);
        output.WriteLine($"smile_mimicry {measure.Value:0.00}, p = {measure.PValue:0.000}, lag {measure.BestLagSeconds:0.0} s, leader {measure.Leader}; " +
            $"onsets A {measure.Detail("onsets_a")}, B {measure.Detail("onsets_b")}, B answers A {measure.Detail("b_answers_a"):0.00}");

        // Then it is beyond chance, A leads, and B follows 1.0 ± 0.2 s later
        Assert.True(measure.Significant, $"p = {measure.PValue}");
        Assert.Equal(Participant.A, measure.Leader);
        Assert.InRange(measure.BestLagSeconds, 0.8, 1.2);
    }

    private static DyadSeries Run(Func<double, Mat> frameAt)
    {
        using var estimator = new PoseEstimator(new PoseOptions());
        using var faces = new FaceStage();
        var extractor = new FaceFeatureExtractor();
        var smile = FaceFeatures.IndexOf(FaceFeatures.Smile);
        var (a, b) = (ImmutableArray.CreateBuilder<double>(), ImmutableArray.CreateBuilder<double>());
        var interpolation = new FaceInterpolation();
        void Add(IEnumerable<FaceFrame> ready)
        {
            foreach (var features in ready.Select(extractor.Process))
            {
                a.Add(features.A[smile]);
                b.Add(features.B[smile]);
            }
        }

        for (var i = 0; i < Seconds * FramesPerSecond; i++)
        {
            using var frame = frameAt(i / FramesPerSecond);
            var time = MediaTime.FromSeconds(i / FramesPerSecond);
            Add(interpolation.Add(faces.Estimate(frame, estimator.Process(frame, time))));
        }

        Add(interpolation.Complete());

        return new DyadSeries(FaceFeatures.Smile, FramesPerSecond, a.ToImmutable(), b.ToImmutable());
    }

    private sealed record DesignedSmile(double Start, double Hold, double Height)
    {
        private const double Rise = 0.4;

        public double At(double t)
        {
            var edge = Math.Min(t - Start, Start + Rise + Hold + Rise - t) / Rise;
            return edge <= 0 ? 0 : Height * 0.5 * (1 - Math.Cos(Math.PI * Math.Min(edge, 1)));
        }
    }

    /// <summary>A smile every 4–10 s, clear of the clip's first and last seconds.</summary>
    private static DesignedSmile[] Smiles(Random random)
    {
        var smiles = new List<DesignedSmile>();
        for (var t = 2 + 4 * random.NextDouble(); t < Seconds - 6; t += 4 + 6 * random.NextDouble())
            smiles.Add(new DesignedSmile(t, 1 + 2 * random.NextDouble(), 0.6 + 0.4 * random.NextDouble()));
        return [.. smiles];
    }
}
