using MirrorSense.Core;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Vision.Faces;
using OpenCvSharp;
using Xunit.Abstractions;

namespace MirrorSense.Vision.Tests.Faces;

/// <summary>
/// Face features on a real face changed by known signals (see <see cref="FaceClip"/>): rolled, mirrored, made to smile
/// by moving the mouth corners, covered, shrunk and turned away. Every frame goes through pose, the face stage and the
/// face features, as in analysis.
/// </summary>
public sealed class ConstructedFaceTests(ITestOutputHelper output)
{
    private const int Frames = 90;

    /// <summary>±20° over a 3 s period, counter-clockwise positive, as head_roll counts.</summary>
    private static double Roll(double t) => 20 * Math.Sin(2 * Math.PI * t / 3);

    /// <summary>0 → 1 → 0 every 2 s: how far the mouth corners are pulled, 1 being a broad smile.</summary>
    private static double SmileSignal(double t) => (1 - Math.Cos(2 * Math.PI * t / 2)) / 2;

    [SkippableFact]
    public void Should_follow_a_real_face_rolled_by_a_known_angle_signal()
    {
        // Given the portrait turned about the face by a known roll signal, frame by frame
        using var portrait = FaceClip.Portrait();
        var mesh = FaceClip.MeshOf(portrait);
        var centre = new Point2f(mesh[FaceMeshPoint.NoseTip].X, mesh[FaceMeshPoint.NoseTip].Y);

        // When each frame goes through pose, the face stage and the face features
        var (frames, faces) = FaceClip.Run(Frames, t =>
        {
            using var turn = Cv2.GetRotationMatrix2D(centre, Roll(t), 1);
            var frame = new Mat();
            Cv2.WarpAffine(portrait, frame, turn, portrait.Size(), InterpolationFlags.Linear, BorderTypes.Replicate);
            return frame;
        });

        // Then head roll follows the signal: r ≥ 0.95 and at most 2° RMS after the constant offset, on every frame
        var fit = SignalFit.Of([.. frames.Select(f => (f[FaceFeatures.HeadRoll], Roll(f.Seconds)))]);
        output.WriteLine($"face_head_roll vs the roll signal: {fit}; faces missing: {faces.MissingA}");
        Assert.True(fit.Correlation >= 0.95 && fit.RmsError <= 2, $"face_head_roll: {fit}");
        Assert.Equal(0, fit.Missing);

        // And the roll is not read as a turn, a nod or a smile: yaw, pitch and smile stay within a few degrees (a tenth) of still
        foreach (var (name, limit) in new[] { (FaceFeatures.HeadYaw, 4.0), (FaceFeatures.HeadPitch, 4.0), (FaceFeatures.Smile, 0.1) })
        {
            var values = frames.Select(f => f[name]).ToArray();
            output.WriteLine($"{name}: {values.Min():0.00} to {values.Max():0.00}");
            Assert.True(values.Max() - values.Min() <= 2 * limit, $"{name} ranges {values.Min():0.00} to {values.Max():0.00}");
        }
    }

    /// <summary>±12° over a 2 s period, positive tipping the face forward (down), as a slow nod.</summary>
    private static double Tip(double t) => 12 * Math.Sin(2 * Math.PI * t / 2);

    [SkippableFact]
    public void Should_follow_a_real_face_tipped_forward_and_back_by_a_known_angle_signal()
    {
        // Given the portrait's face turned about the neck by a known pitch signal, frame by frame
        using var portrait = FaceClip.Portrait();
        var warp = new HeadTurnWarp(FaceClip.MeshOf(portrait), portrait.Size());

        // When each frame goes through pose, the face stage and the face features
        var (frames, faces) = FaceClip.Run(Frames, t => warp.Apply(portrait, Tip(t)));

        // Then head pitch follows the signal (looking down is negative pitch)
        var fit = SignalFit.Of([.. frames.Select(f => (-f[FaceFeatures.HeadPitch], Tip(f.Seconds)))]);
        var measured = frames.Select(f => -f[FaceFeatures.HeadPitch]).ToArray();
        var slope = Slope(measured, [.. frames.Select(f => Tip(f.Seconds))]);
        output.WriteLine($"-face_head_pitch vs the tip signal: {fit}, slope {slope:0.00}; faces missing: {faces.MissingA}");
        foreach (var (name, _) in new[] { (FaceFeatures.HeadYaw, 0), (FaceFeatures.HeadRoll, 0), (FaceFeatures.Smile, 0) })
            output.WriteLine($"{name}: {frames.Min(f => f[name]):0.00} to {frames.Max(f => f[name]):0.00}");
        Assert.True(fit.Correlation >= 0.95 && fit.RmsError <= 2, $"face_head_pitch: {fit}");
        Assert.Equal(0, fit.Missing);
    }

    private static double Slope(double[] measured, double[] truth)
    {
        var (mx, my) = (truth.Average(), measured.Average());
        return truth.Zip(measured).Sum(p => (p.First - mx) * (p.Second - my)) / truth.Sum(x => (x - mx) * (x - mx));
    }

    [SkippableFact]
    public void Should_flip_the_sign_of_head_and_gaze_yaw_when_the_face_is_mirrored()
    {
        // Given the portrait (her head turned a little towards the viewer's left) and its mirror image
        using var portrait = FaceClip.Portrait();
        using var mirrored = portrait.Flip(FlipMode.Y);

        // When both go through the pipeline for a few frames each
        var (original, _) = FaceClip.Run(5, _ => portrait.Clone());
        var (mirror, _) = FaceClip.Run(5, _ => mirrored.Clone());

        // Then yaw and gaze yaw change sign with about the same size, and pitch stays; roll flips too
        var (a, b) = (original[^1], mirror[^1]);
        foreach (var name in new[] { FaceFeatures.HeadYaw, FaceFeatures.GazeYaw, FaceFeatures.HeadRoll, FaceFeatures.HeadPitch })
            output.WriteLine($"{name}: {a[name]:0.00} original, {b[name]:0.00} mirrored");
        foreach (var name in new[] { FaceFeatures.HeadYaw, FaceFeatures.GazeYaw })
        {
            Assert.True(Math.Abs(a[name]) >= 5, $"{name} of the original should show her turn: {a[name]:0.00}");
            Assert.True(Math.Sign(a[name]) == -Math.Sign(b[name]), $"{name}: {a[name]:0.00} original, {b[name]:0.00} mirrored");
            Assert.True(Math.Abs(a[name] + b[name]) <= 3, $"{name}: {a[name]:0.00} original, {b[name]:0.00} mirrored");
        }

        Assert.True(Math.Abs(a[FaceFeatures.HeadPitch] - b[FaceFeatures.HeadPitch]) <= 3, $"pitch {a[FaceFeatures.HeadPitch]:0.00} vs {b[FaceFeatures.HeadPitch]:0.00}");
    }

    [SkippableFact]
    public void Should_follow_mouth_corners_warped_outward_and_up_by_a_known_smile_signal()
    {
        // Given the portrait whose mouth corners (where the mesh puts them) are pulled outward and up by a known signal
        using var portrait = FaceClip.Portrait();
        var warp = new MouthCornerWarp(FaceClip.MeshOf(portrait));

        // When each frame goes through the pipeline
        var (frames, _) = FaceClip.Run(Frames, t => warp.Apply(portrait, SmileSignal(t)));

        // Then smile follows the signal (r ≥ 0.9), is about 0 where the mouth is at rest and never below it by much
        var fit = SignalFit.Of([.. frames.Select(f => (f[FaceFeatures.Smile], SmileSignal(f.Seconds)))]);
        var atRest = frames.Where(f => SmileSignal(f.Seconds) < 0.05).Select(f => f[FaceFeatures.Smile]).ToArray();
        var broad = frames.Where(f => SmileSignal(f.Seconds) > 0.95).Select(f => f[FaceFeatures.Smile]).ToArray();
        output.WriteLine($"smile vs the signal: {fit}; at rest {atRest.Average():0.00}, at the widest pull {broad.Average():0.00}");
        Assert.True(fit.Correlation >= 0.9, $"smile: {fit}");
        Assert.Equal(0, fit.Missing);
        Assert.InRange(atRest.Average(), -0.15, 0.15);
        Assert.True(broad.Average() > atRest.Average() + 0.3, $"at rest {atRest.Average():0.00}, widest {broad.Average():0.00}");
    }

    [SkippableFact]
    public void Should_give_missing_values_and_a_count_not_zeros_for_faces_covered_too_small_or_turned_away()
    {
        // Given the person's pose from the plain portrait, and frames where that face is covered, shrunk or replaced by hair
        using var portrait = FaceClip.Portrait();
        var mesh = FaceClip.MeshOf(portrait);
        using var estimator = new PoseEstimator(new PoseOptions(MaxPeople: 1, Only: Participant.A));
        var pose = estimator.Process(portrait, MediaTime.Zero);
        var person = Assert.Single(pose.People);
        var (left, top, right, bottom) = FaceRegions.FromMesh(mesh).Bounds();
        using var covered = portrait.Clone();
        covered.Rectangle(new Rect((int)left, (int)top, (int)(right - left), (int)(bottom - top)), Scalar.Gray, -1);
        using var tiny = portrait.Resize(new Size(0, 0), 0.1, 0.1, InterpolationFlags.Area);
        var tinyPose = pose with { People = [person with { Landmarks = [.. person.Landmarks.Select(l => l with { X = l.X / 10, Y = l.Y / 10 })] }] };
        using var back = BackOfAHead(portrait.Size());

        // When the face stage and the features run on them, after one good frame (so tracking has to let go), each a
        // tenth of a second after the last so the face model is due on every one
        using var faces = new FaceStage();
        var extractor = new FaceFeatureExtractor();
        var good = extractor.Process(faces.Estimate(portrait, pose));
        var bad = new[] { (covered, pose), (tiny, tinyPose), (back, pose) }
            .Select((input, i) => extractor.Process(faces.Estimate(input.Item1, input.Item2 with { Time = MediaTime.FromSeconds(0.1 * (i + 1)) })))
            .ToArray();

        // Then the good frame has every feature but looking at a partner (there is none), each bad one has none (NaN, not 0),
        // and the stage counted three missing faces
        var partnerless = FaceFeatures.IndexOf(FaceFeatures.LookingAtPartner);
        Assert.All(good.A.RemoveAt(partnerless), v => Assert.True(double.IsFinite(v)));
        Assert.True(double.IsNaN(good.A[partnerless]));
        Assert.All(bad, frame => Assert.All(frame.A, v => Assert.True(double.IsNaN(v), $"{frame.Time}: {string.Join(", ", frame.A)}")));
        Assert.Equal(new FaceStatistics(4, 3, 0), faces.Statistics);
    }

    [SkippableFact]
    public void Should_see_two_real_faces_turned_towards_each_other_looking_at_each_other_and_turned_apart_not()
    {
        // Given two copies of the portrait side by side, a gap between them (her head is turned about 15° towards the viewer's left), the left
        // one mirrored: once turned towards each other, once (the copies swapped) turned apart
        using var portrait = FaceClip.Portrait();
        using var mirrored = portrait.Flip(FlipMode.Y);
        using var towards = SideBySide(mirrored, portrait);
        using var apart = SideBySide(portrait, mirrored);

        // When each goes through pose (two people), the face stage and the face features for a few frames
        var (together, togetherFaces) = Dyad(towards);
        var (away, awayFaces) = Dyad(apart);
        output.WriteLine($"{togetherFaces} {awayFaces}");

        // Then both look at their partner in the first, neither in the second
        output.WriteLine($"towards: A {together.A[^1]}, B {together.B[^1]}; apart: A {away.A[^1]}, B {away.B[^1]}");
        Assert.Equal((1.0, 1.0), (together.A[^1], together.B[^1]));
        Assert.Equal((0.0, 0.0), (away.A[^1], away.B[^1]));
    }

    /// <summary>Two pictures with a 160 px grey gap between them, so their shoulders cut at the edges do not meet.</summary>
    private static Mat SideBySide(Mat left, Mat right)
    {
        using var gap = new Mat(left.Rows, 160, MatType.CV_8UC3, new Scalar(128, 128, 128));
        var frame = new Mat();
        Cv2.HConcat([left, gap, right], frame);
        return frame;
    }

    /// <summary>Each person's looking_at_partner over five frames of a still picture.</summary>
    private static ((double[] A, double[] B) Looking, FaceStatistics Faces) Dyad(Mat picture)
    {
        using var estimator = new PoseEstimator(new PoseOptions(MaxPeople: 2));
        using var faces = new FaceStage();
        var extractor = new FaceFeatureExtractor();
        var looking = FaceFeatures.IndexOf(FaceFeatures.LookingAtPartner);
        var frames = Enumerable.Range(0, 5).Select(i => extractor.Process(faces.Estimate(picture, estimator.Process(picture, FaceClip.TimeOf(i))))).ToArray();
        return (([.. frames.Select(f => f.A[looking])], [.. frames.Select(f => f.B[looking])]), faces.Statistics);
    }

    /// <summary>Long hair seen from behind (sample 1, the back of the woman on the right), where the pose says a face is.</summary>
    private static Mat BackOfAHead(Size size)
    {
        using var photo = FacePhotos.Read(1);
        using var hair = new Mat(photo, new Rect(1640, 560, 240, 180));
        return hair.Resize(size, 0, 0, InterpolationFlags.Linear);
    }
}
