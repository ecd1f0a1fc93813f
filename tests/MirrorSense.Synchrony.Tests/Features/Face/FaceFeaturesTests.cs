using System.Reactive.Linq;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features.Face;

namespace MirrorSense.Synchrony.Tests.Features.Face;

/// <summary>The face measures on meshes made of numbers, where the truth is known exactly.</summary>
public sealed class FaceFeaturesTests
{
    public sealed class HeadPoseOf
    {
        [Theory]
        [InlineData(25, 0, 0)]
        [InlineData(-40, 0, 0)]
        [InlineData(0, 15, 0)]
        [InlineData(0, -20, 0)]
        [InlineData(0, 0, 30)]
        [InlineData(0, 0, -45)]
        public void Should_read_a_known_turn_nod_or_tilt_of_a_face(double yaw, double pitch, double roll)
        {
            // Given a face turned by one known angle, When its head pose is read
            var pose = HeadPose.Of(ConstructedMesh.Turned(yaw, pitch, roll));

            // Then that angle comes back and the others stay 0 (pitch counted from an upright face, UprightPitch below square)
            Assert.Equal(yaw, pose.Yaw, 1e-3);
            Assert.Equal(pitch + HeadPose.UprightPitch, pose.Pitch, 1e-3);
            Assert.Equal(roll, pose.Roll, 1e-3);
        }

        [Fact]
        public void Should_flip_yaw_and_roll_but_not_pitch_in_a_mirror()
        {
            // Given a face turned and tilted, and its mirror image
            var mesh = ConstructedMesh.Turned(yaw: 20, pitch: 10, roll: 8);
            var (pose, mirrored) = (HeadPose.Of(mesh), HeadPose.Of(ConstructedMesh.Mirrored(mesh)));

            // Then yaw and roll change sign, pitch stays
            Assert.Equal(-pose.Yaw, mirrored.Yaw, 1e-3);
            Assert.Equal(-pose.Roll, mirrored.Roll, 1e-3);
            Assert.Equal(pose.Pitch, mirrored.Pitch, 1e-3);
        }

        [Fact]
        public void Should_take_gaze_from_the_head_alone()
        {
            var head = HeadPose.Of(ConstructedMesh.Turned(yaw: 12, pitch: -7));
            Assert.Equal(new Gaze(head.Yaw, head.Pitch), Gaze.FromHead(head));
        }
    }

    public sealed class Smile
    {
        [Fact]
        public void Should_read_zero_at_the_neutral_mouth_and_one_a_broad_smile_beyond_it_whatever_the_head_does()
        {
            // Given a person mostly at rest who then smiles broadly (corners pulled so spread + lift grows by the broad-smile extent),
            // with the head turned and tilted throughout
            var baseline = new SmileBaseline(window: 100);
            var pull = (float)(SmileBaseline.BroadSmileExtent * 90 / 3);   // spread grows 2 × pull, lift 1 × pull, per 90 px of eye distance
            var rest = Enumerable.Range(0, 50).Select(_ => baseline.Next(MouthShape.Of(ConstructedMesh.Turned(yaw: 15, roll: 10)).SmileExtent)).ToArray();

            // When the broad smile comes
            var smile = baseline.Next(MouthShape.Of(ConstructedMesh.Turned(yaw: 15, roll: 10, cornerPull: pull)).SmileExtent);

            // Then rest reads 0 and the smile 1
            Assert.All(rest, value => Assert.Equal(0, value, 1e-9));
            Assert.Equal(1, smile, 0.02);
        }

        [Fact]
        public void Should_leave_a_missing_mouth_missing_and_the_baseline_as_it_was()
        {
            var baseline = new SmileBaseline();
            Assert.Equal(0, baseline.Next(0.6), 1e-12);
            Assert.True(double.IsNaN(baseline.Next(double.NaN)));
            Assert.Equal(0.1 / SmileBaseline.BroadSmileExtent, baseline.Next(0.7), 1e-9);
            Assert.Throws<ArgumentOutOfRangeException>(() => new SmileBaseline(0));
        }
    }

    public sealed class EyesOpen
    {
        [Fact]
        public void Should_fall_as_the_lids_close()
        {
            var open = EyeOpenness.Of(ConstructedMesh.Turned(lidGap: 10));
            var closed = EyeOpenness.Of(ConstructedMesh.Turned(lidGap: 1));
            Assert.Equal(10.0 / 30, open, 1e-3);
            Assert.Equal(1.0 / 30, closed, 1e-3);
        }
    }

    public sealed class LookingAtPartner
    {
        private static readonly Gaze TowardsViewersLeft = new(Yaw: 30, Pitch: 5);

        [Theory]
        [InlineData(100f, 240f, 1)]    // partner level on the left, where the head turns
        [InlineData(100f, 300f, 1)]    // partner on the left, a little lower: 15° below level, within 30° of the gaze's pitch
        [InlineData(540f, 240f, 0)]    // partner on the right: the head turns away
        [InlineData(300f, 40f, 0)]     // partner nearly straight above: 84° above level
        public void Should_call_a_head_turned_towards_the_partners_face_looking(float partnerX, float partnerY, double expected)
        {
            Assert.Equal(expected, PartnerLook.Of(TowardsViewersLeft, (320, 240), (partnerX, partnerY)));
        }

        [Fact]
        public void Should_not_call_a_face_looking_into_the_camera_looking_at_anyone_and_not_guess_without_a_partner()
        {
            Assert.Equal(0, PartnerLook.Of(new Gaze(Yaw: 6, Pitch: 0), (320, 240), (100, 240)));
            Assert.True(double.IsNaN(PartnerLook.Of(TowardsViewersLeft, (320, 240), null)));
            Assert.True(double.IsNaN(PartnerLook.Of(TowardsViewersLeft, (320, 240), (320, 240))));
        }
    }

    public sealed class Extraction
    {
        [Fact]
        public void Should_give_every_feature_of_a_trusted_face_and_none_of_an_untrusted_or_unseen_one()
        {
            // Given A with a trusted face turned towards B on the left, and B with an untrusted one; then A unseen
            var frames = new[]
            {
                new FaceFrame(MediaTime.FromSeconds(0), [
                    new PersonFace(Participant.A, ConstructedMesh.Turned(yaw: 30), 320, 220),
                    new PersonFace(Participant.B, ConstructedMesh.Turned(score: FaceMesh.MinScore - 0.01f), 100, 220)]),
                new FaceFrame(MediaTime.FromSeconds(0.04), [new PersonFace(Participant.B, null, 100, 220)]),
            };

            // When the face features are extracted as a stream
            var features = frames.ToObservable().ExtractFaceFeatures().ToEnumerable().ToArray();

            // Then A's first frame has them all, A looking at B; every other value is missing, never 0
            Assert.Equal(2, features.Length);
            Assert.All(features[0].A, v => Assert.True(double.IsFinite(v)));
            Assert.Equal(1, features[0].A[FaceFeatures.IndexOf(FaceFeatures.LookingAtPartner)]);
            Assert.Equal(30, features[0].A[FaceFeatures.IndexOf(FaceFeatures.HeadYaw)], 1e-3);
            Assert.All(features[0].B.Concat(features[1].A).Concat(features[1].B), v => Assert.True(double.IsNaN(v)));
            Assert.Equal(FaceFeatures.Names.Length, features[1].A.Length);
        }
    }
}
