using System.Reactive.Linq;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Synchrony.Mirroring;

namespace MirrorSense.Synchrony.Tests.Features;

public sealed class BodyFeaturesTests
{
    /// <summary>A's own lean and arm swing over time; B does <paramref name="copy"/> of it <paramref name="delay"/> seconds later, on the right of the frame.</summary>
    private static List<PoseFrame> Session(double seconds, double delay, Func<PersonPose, PersonPose> copy, Func<double, bool>? bAbsent = null)
    {
        static SyntheticBody Posture(double t)
        {
            var lean = 10 * Math.Sin(2 * Math.PI * t / 7) + 5 * Math.Sin(2 * Math.PI * t / 3.1);
            var wrist = Skeleton.IndexOf("left_wrist");
            var body = SyntheticBody.Upright();
            var w = body[wrist];
            return body.With(wrist, w.X + 8 * Math.Sin(2 * Math.PI * t / 4.3), w.Y + 20 * Math.Max(0, Math.Sin(2 * Math.PI * t / 5.3)), w.Z)
                .LeanSideways(lean).RollHead(4 * Math.Sin(2 * Math.PI * t / 2.3));
        }

        var frames = new List<PoseFrame>();
        for (var k = 0; k < seconds * 30; k++)
        {
            var t = k / 30.0;
            var a = Posture(t).ToPose(Participant.A, cx: 160);
            var b = copy(Posture(Math.Max(0, t - delay)).ToPose(Participant.B, cx: 160)) with { Participant = Participant.B };
            frames.Add(new PoseFrame(MediaTime.FromSeconds(t), bAbsent?.Invoke(t) == true ? [a] : [a, b]));
        }

        return frames;
    }

    [Fact]
    public void Streaming_pose_frames_to_the_grid_equals_extracting_and_resampling_the_whole_session()
    {
        // Given a session with B out of view for a moment, and frames at an irregular rate
        var frames = Session(12, 1, p => p, t => t is > 4 and < 5.5)
            .Where((_, i) => i % 7 != 3)
            .ToList();

        var batch = FeatureGrid.Resample([.. BodyFeatures.Extract(frames)]);
        var streamed = frames.ToObservable().ToBodyFeatureGrid().ToList().Wait();

        Assert.Equal(batch.Count, streamed.Count);
        for (var k = 0; k < batch.Count; k++)
        {
            Assert.Equal(batch[k].A.ToArray(), streamed[k].A.ToArray());
            Assert.Equal(batch[k].B.ToArray(), streamed[k].B.ToArray());
        }

        // And B's absence is missing on the grid, not zero, while A carries on
        var lean = BodyFeatures.IndexOf(PostureDescriptor.LeanSideways);
        Assert.All(batch.Where(s => s.Time.Seconds is > 4.3 and < 5.2), s => Assert.True(double.IsNaN(s.B[lean]) && !double.IsNaN(s.A[lean])));
    }

    [Fact]
    public void Every_body_feature_has_a_value_for_a_person_in_full_view_and_motion_energy_follows_movement()
    {
        var grid = FeatureGrid.Resample([.. BodyFeatures.Extract(Session(4, 0, p => p))]);

        // Motion energy needs a pose one motion step (0.2 s) back.
        var present = grid.Where(s => s.Time.Seconds >= BodyFeatureOptions.Default.MotionStepSeconds).ToList();
        foreach (var name in BodyFeatures.Names)
            Assert.All(present, s => Assert.False(double.IsNaN(s.A[BodyFeatures.IndexOf(name)]), $"{name} at {s.Time}"));
        Assert.True(present.Average(s => s.A[BodyFeatures.IndexOf(BodyFeatures.MotionArms)]) > 0.05);
    }

    [Fact]
    public void A_partner_who_copies_the_geometric_mirror_image_is_found_mirroring_and_one_who_copies_the_same_side_is_not()
    {
        // Given B copying A one second later, once as A's mirror image and once the same way round
        var mirrorOptions = new PostureMirroringOptions(LagSeconds: 2, WindowSeconds: 15, IncrementSeconds: 5, Surrogates: 0);
        PostureMirroringResult Measure(Func<PersonPose, PersonPose> copy)
        {
            var grid = FeatureGrid.Resample([.. BodyFeatures.Extract(Session(40, 1, copy))]);
            return new PostureMirroring(mirrorOptions).Compute(FeatureSeries.Collect(grid, BodyFeatures.Schema).Posture());
        }

        var mirrored = Measure(p => SyntheticBody.Mirror(p, axis: 320));
        var sameSide = Measure(p => p);

        // Then the mirror copy matches B's mirrored descriptor best, led by A at +1 s; the same-side copy the other way round
        Assert.True(mirrored.MirroredSimilarity > 0.9 && mirrored.MirroredSimilarity > mirrored.AnatomicalSimilarity + 0.2, $"mirrored copy: {mirrored.MirroredSimilarity} vs {mirrored.AnatomicalSimilarity}");
        Assert.InRange(mirrored.BestLagSeconds, 0.9, 1.1);
        Assert.Equal(Participant.A, mirrored.Leader);
        Assert.True(sameSide.AnatomicalSimilarity > sameSide.MirroredSimilarity + 0.2, $"same-side copy: {sameSide.MirroredSimilarity} vs {sameSide.AnatomicalSimilarity}");
    }

    [Fact]
    public void With_pixel_motion_each_frames_features_end_with_its_changed_pixels_and_missing_where_it_carries_none()
    {
        var region = new PixelRegion(0, 0, 10, 10);
        var at = MediaTime.FromSeconds(0.5);
        var seen = new PoseFrame(at, []) { Motion = new PixelMotionFrame(at, new(at, Participant.A, 120, region, false), new(at, Participant.B, 45, region, false)) };
        var unseen = new PoseFrame(MediaTime.FromSeconds(1), []);

        var features = new[] { seen, unseen }.ToObservable().ExtractFeatures(PoseFrameFeatures.WithPixelMotion).ToList().Wait();

        var names = PoseFrameFeatures.WithPixelMotion.Names;
        Assert.All(features, f => Assert.Equal(names.Length, f.A.Length));
        Assert.Equal(BodyFeatures.Names.Length, names.IndexOf(BodyFeatures.PixelMotion));
        Assert.Equal((120.0, 45.0), (features[0].A[^1], features[0].B[^1]));
        Assert.True(double.IsNaN(features[1].A[^1]) && double.IsNaN(features[1].B[^1]));
    }

    [Fact]
    public void With_faces_the_face_features_follow_the_pixel_motion_and_are_missing_on_a_frame_that_carries_no_faces()
    {
        var set = new PoseFrameFeatures(PixelMotion: true, Faces: true);
        var frame = new PoseFrame(MediaTime.FromSeconds(0.5), []);

        var features = Assert.Single(new[] { frame }.ToObservable().ExtractFeatures(set).ToList().Wait());

        Assert.Equal<string>([.. BodyFeatures.Names, BodyFeatures.PixelMotion, .. FaceFeatures.Names], set.Names.ToArray());
        Assert.Equal(set.Names.Length, features.A.Length);
        Assert.All(features.A.Skip(BodyFeatures.Names.Length), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Extract_checks_its_arguments_and_frame_order()
    {
        Assert.Throws<ArgumentNullException>(() => BodyFeatures.Extract(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => BodyFeatures.Extract([], new BodyFeatureOptions(VisibilityThreshold: 2)));
        Assert.Throws<ArgumentNullException>(() => ((IObservable<PoseFrame>)null!).ExtractBodyFeatures());
        var frames = new[] { new PoseFrame(MediaTime.FromSeconds(1), []), new PoseFrame(MediaTime.FromSeconds(0.5), []) };
        Assert.Throws<InvalidOperationException>(() => BodyFeatures.Extract(frames).ToList());
        Assert.Throws<InvalidOperationException>(() => frames.ToObservable().ExtractBodyFeatures().ToList().Wait());
    }

    [Fact]
    public void Partner_distance_is_the_mid_shoulder_distance_in_the_mean_shoulder_width_for_both_and_missing_without_either()
    {
        // Given A's shoulders 40 px apart around (120, 200) and B's 60 px apart around (330, 230)
        var a = Shoulders(Participant.A, (140, 200), (100, 200));
        var b = Shoulders(Participant.B, (360, 230), (300, 230));
        var frames = new[]
        {
            new PoseFrame(MediaTime.FromSeconds(0), [a, b]),
            new PoseFrame(MediaTime.FromSeconds(0.1), [a]),
            new PoseFrame(MediaTime.FromSeconds(0.2), [b]),
        };

        var features = BodyFeatures.Extract(frames).ToList();

        // Then the distance is √(210² + 30²) over 50 px, written for A and B alike, and missing when either is not seen
        var distance = BodyFeatures.IndexOf(BodyFeatures.PartnerDistance);
        var expected = Math.Sqrt(210 * 210 + 30 * 30) / 50;
        Assert.Equal(expected, features[0].A[distance], 5);
        Assert.Equal(expected, features[0].B[distance], 5);
        Assert.All(features.Skip(1), f => Assert.True(double.IsNaN(f.A[distance]) && double.IsNaN(f.B[distance])));
    }

    /// <summary>A person of whom only the shoulders are seen (left is the person's own left, on the viewer's right).</summary>
    private static PersonPose Shoulders(Participant who, (float X, float Y) left, (float X, float Y) right)
    {
        var landmarks = Enumerable.Repeat(new PoseLandmark(0, 0, 0, 0), Skeleton.LandmarkCount).ToArray();
        landmarks[Skeleton.LeftShoulder] = new PoseLandmark(left.X, left.Y, 0, 1);
        landmarks[Skeleton.RightShoulder] = new PoseLandmark(right.X, right.Y, 0, 1);
        return new PersonPose(who, landmarks);
    }
}
