using MirrorSense.Core;
using MirrorSense.Vision.Detection;
using MirrorSense.Vision.Imaging;
using MirrorSense.Vision.Landmarks;
using MirrorSense.Vision.Tracking;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests;

/// <summary>Pre- and post-processing stages on hand-made inputs: no model needed.</summary>
public sealed class StageTests
{
    public sealed class Anchors
    {
        [Fact]
        public void Should_make_2254_anchors_for_the_pose_detector()
        {
            // Given strides 8, 16, 32, 32, 32 on 224 (When generated) Then 28²·2 + 14²·2 + 7²·6 anchors, first at the first cell's centre
            var anchors = SsdAnchors.PoseDetector;
            Assert.Equal(2254, anchors.Count);
            Assert.Equal((4f, 4f), anchors[0]);
            Assert.Equal((4f, 4f), anchors[1]);
            Assert.Equal((12f, 4f), anchors[2]);
            Assert.Equal((8f, 8f), anchors[28 * 28 * 2]);   // first anchor of the stride-16 grid
            Assert.Equal((208f, 208f), anchors[^1]);
        }
    }

    public sealed class Regions
    {
        [Fact]
        public void Should_be_unrotated_for_an_upright_body()
        {
            // Given hips at (100, 200) and the body-circle point straight above them
            var roi = RegionOfInterest.FromAlignmentPoints(new PointF2(100, 200), new PointF2(100, 120));

            // Then the region is centred on the hips, 2 × 80 × 1.25 wide and not rotated
            Assert.Equal(new PointF2(100, 200), roi.Center);
            Assert.Equal(200f, roi.Size, 3);
            Assert.Equal(0f, roi.Rotation, 5);
        }

        [Theory]
        [InlineData(15)]
        [InlineData(-20)]
        public void Should_turn_a_leaning_body_upright(double leanDegrees)
        {
            // Given a body leaning clockwise on screen by the angle (head to the viewer's right for positive)
            var lean = leanDegrees * Math.PI / 180;
            var hips = new PointF2(300, 300);
            var head = new PointF2((float)(300 + 100 * Math.Sin(lean)), (float)(300 - 100 * Math.Cos(lean)));

            // When its region is made
            var roi = RegionOfInterest.FromAlignmentPoints(hips, head, scale: 1);

            // Then the rotation equals the lean, and the top centre of the region lies on the head
            Assert.Equal(lean, roi.Rotation, 4);
            var top = roi.ToImage(0.5f, 0f);
            Assert.Equal(hips.X + 2 * (head.X - hips.X) / 2, top.X, 2);
            Assert.Equal(head.Y, top.Y, 2);
        }
    }

    public sealed class Suppression
    {
        private static PersonDetection Box(float score, float x, float y, float size) =>
            new(score, new PointF2(x, y), size, size, [new PointF2(x, y), new PointF2(x, y - size), new PointF2(x, y - size / 2), new PointF2(x, y - size)]);

        [Fact]
        public void Should_merge_overlapping_boxes_into_their_weighted_mean()
        {
            // Given two strongly overlapping detections of one person and a separate one
            var found = new WeightedNonMaxSuppression().Apply([Box(0.9f, 100, 100, 50), Box(0.6f, 110, 100, 50), Box(0.7f, 300, 100, 50)]);

            // Then two people remain; the merged one keeps the best score and sits at the score-weighted mean
            Assert.Equal(2, found.Count);
            Assert.Equal(0.9f, found[0].Score);
            Assert.Equal((0.9f * 100 + 0.6f * 110) / 1.5f, found[0].Center.X, 3);
            Assert.Equal((0.9f * 100 + 0.6f * 110) / 1.5f, found[0].Keypoints[0].X, 3);
            Assert.Equal(300f, found[1].Center.X, 3);
        }

        [Fact]
        public void Should_keep_only_the_best_box_of_a_group_when_not_weighted()
        {
            var found = new WeightedNonMaxSuppression(weighted: false).Apply([Box(0.6f, 110, 100, 50), Box(0.9f, 100, 100, 50)]);
            Assert.Equal(100f, Assert.Single(found).Center.X);
        }
    }

    public sealed class Decoding
    {
        [Fact]
        public void Should_offset_boxes_and_keypoints_from_their_anchor_and_drop_low_scores()
        {
            // Given two anchors, one confident with offsets, one below the threshold
            var boxes = new float[24];
            float[] raw = [2, -3, 40, 60, 1, 2, 3, 4, 5, 6, 7, 8];
            raw.CopyTo(boxes, 0);
            var decoder = new DetectionDecoder([(10f, 20f), (50f, 50f)], minScore: 0.5f);

            // When decoded
            var found = decoder.Decode(boxes, [2f, -2f]);

            // Then only the first remains, with centre, size and keypoints relative to its anchor and a sigmoid score
            var d = Assert.Single(found);
            Assert.Equal(new PointF2(12, 17), d.Center);
            Assert.Equal((40f, 60f), (d.Width, d.Height));
            Assert.Equal(new PointF2(11, 22), d.Keypoints[0]);
            Assert.Equal(new PointF2(17, 28), d.Keypoints[3]);
            Assert.Equal(1 / (1 + MathF.Exp(-2)), d.Score, 5);
        }
    }

    public sealed class Projection
    {
        [Fact]
        public void Should_map_model_pixels_through_the_rotated_region_to_the_frame()
        {
            // Given a region turned 90° clockwise, 512 px wide, centred at (1000, 500), and a point at the top centre of the input
            var raw = new float[39 * 5];
            raw[0] = 128;          // x of landmark 0, input pixels
            raw[1] = 0;            // y
            raw[2] = 64;           // z
            raw[3] = 0;            // visibility logit → 0.5
            var roi = new RegionOfInterest(new PointF2(1000, 500), 512, MathF.PI / 2);

            // When projected
            var estimate = LandmarkProjection.Project(raw, 0.9f, roi, 256);

            // Then "up" in the region points to the right in the frame, z takes the frame's pixel scale, visibility is a sigmoid
            var nose = estimate.Body[0];
            Assert.Equal(1256f, nose.X, 2);
            Assert.Equal(500f, nose.Y, 2);
            Assert.Equal(128f, nose.Z, 3);
            Assert.Equal(0.5f, nose.Visibility, 5);
            Assert.Equal(33, estimate.Body.Count);
        }
    }

    public sealed class Warping
    {
        [Fact]
        public void Should_crop_the_region_upright_into_the_tensor()
        {
            // Given a frame with a red square at its top left quarter and a green one at its top right
            using var frame = new Mat(200, 200, MatType.CV_8UC3, Scalar.Black);
            frame.Rectangle(new Rect(0, 0, 100, 100), Scalar.Red, -1);
            frame.Rectangle(new Rect(100, 0, 100, 100), Scalar.Lime, -1);
            using var tensor = new TensorImage(20, 0, 1);

            // When the whole frame is warped in turned 90° clockwise (so the region's top is the frame's right side)
            tensor.Fill(frame, new RegionOfInterest(new PointF2(100, 100), 200, MathF.PI / 2));

            // Then the tensor's top left is green (the frame's top right), its bottom left red, values RGB in [0, 1]
            float[] Pixel(int x, int y) => tensor.Data.Skip((y * 20 + x) * 3).Take(3).ToArray();
            Assert.Equal([0f, 1f, 0f], Pixel(2, 2));
            Assert.Equal([1f, 0f, 0f], Pixel(2, 17));
            Assert.Equal([0f, 0f, 0f], Pixel(17, 10));
        }

        [Fact]
        public void Should_letterbox_a_wide_frame_with_black_above_and_below()
        {
            using var frame = new Mat(100, 200, MatType.CV_8UC3, Scalar.White);
            using var tensor = new TensorImage(20, -1, 1);
            tensor.Fill(frame, TensorImage.Letterbox(200, 100));
            Assert.Equal(-1f, tensor.Data[(2 * 20 + 10) * 3]);
            Assert.Equal(1f, tensor.Data[(10 * 20 + 10) * 3], 5);
        }
    }

    public sealed class Smoothing
    {
        [Fact]
        public void Should_follow_media_time_not_arrival()
        {
            // Given the same samples stamped 1/30 s apart, fed to two filters
            var options = new SmoothingOptions();
            var (a, b) = (new OneEuroFilter(options), new OneEuroFilter(options));
            double[] values = [0, 10, 10, 10, 10];

            // When one receives them at 30 fps media time and the other at 10 fps media time
            var fast = values.Select((v, i) => a.Filter(v, MediaTime.FromSeconds(i / 30.0))).ToArray();
            var slow = values.Select((v, i) => b.Filter(v, MediaTime.FromSeconds(i / 10.0))).ToArray();

            // Then the longer time steps let the slower stream approach the step faster, and both stay within the step
            Assert.True(slow[2] > fast[2], $"slow {slow[2]}, fast {fast[2]}");
            Assert.All(fast.Concat(slow), v => Assert.InRange(v, 0, 10));
        }

        [Fact]
        public void Should_leave_a_still_value_unchanged()
        {
            var filter = new OneEuroFilter(new SmoothingOptions());
            var results = Enumerable.Range(0, 10).Select(i => filter.Filter(42, MediaTime.FromSeconds(i / 30.0)));
            Assert.All(results, v => Assert.Equal(42, v, 9));
        }
    }

    public sealed class Assignment
    {
        private static readonly MediaTime Now = MediaTime.FromSeconds(10);

        [Theory]
        [InlineData(false, Participant.A, Participant.B)]
        [InlineData(true, Participant.B, Participant.A)]
        public void Should_make_the_left_person_A_unless_swapped(bool swap, Participant left, Participant right)
        {
            var assigner = new ParticipantAssigner(swap, TimeSpan.FromSeconds(3));
            var result = assigner.Assign([500f, 100f], [], 640, Now);
            Assert.Equal([right, left], result);
        }

        [Fact]
        public void Should_give_a_returning_person_their_old_participant_even_on_the_other_side()
        {
            // Given B was last seen 1 s ago at x = 300, left of centre, and no one is tracked now
            var assigner = new ParticipantAssigner(false, TimeSpan.FromSeconds(3));
            assigner.Seen(Participant.B, 300, Now - TimeSpan.FromSeconds(1));
            assigner.Seen(Participant.A, 50, Now - TimeSpan.FromSeconds(1));

            // When one person appears at x = 290
            var result = assigner.Assign([290f], [], 640, Now);

            // Then it is B again
            Assert.Equal([Participant.B], result);
        }

        [Fact]
        public void Should_fall_back_to_the_side_of_the_image_once_history_is_old()
        {
            var assigner = new ParticipantAssigner(false, TimeSpan.FromSeconds(3));
            assigner.Seen(Participant.B, 300, Now - TimeSpan.FromSeconds(10));
            Assert.Equal([Participant.A], assigner.Assign([290f], [], 640, Now));
        }

        [Fact]
        public void Should_give_a_newcomer_the_free_participant()
        {
            var assigner = new ParticipantAssigner(false, TimeSpan.FromSeconds(3));
            Assert.Equal([Participant.A], assigner.Assign([600f], [Participant.B], 640, Now));
            Assert.Equal([null], assigner.Assign([600f], [Participant.A, Participant.B], 640, Now));
        }
    }

    public sealed class Schema
    {
        [Fact]
        public void Should_name_33_landmarks_with_an_involutive_mirror_map()
        {
            Assert.Equal(33, Skeleton.Names.Count);
            Assert.Equal("nose", Skeleton.Names[0]);
            Assert.Equal("right_foot_index", Skeleton.Names[32]);
            Assert.Equal(Skeleton.RightShoulder, Skeleton.MirrorOf[Skeleton.LeftShoulder]);
            Assert.Equal(Skeleton.IndexOf("mouth_right"), Skeleton.MirrorOf[Skeleton.IndexOf("mouth_left")]);
            Assert.Equal(0, Skeleton.MirrorOf[0]);
            Assert.All(Enumerable.Range(0, 33), i => Assert.Equal(i, Skeleton.MirrorOf[Skeleton.MirrorOf[i]]));
            Assert.Throws<ArgumentException>(() => Skeleton.IndexOf("tail"));
        }
    }
}
