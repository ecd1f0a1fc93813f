using MirrorSense.Core;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Imaging;
using OpenCvSharp;
using Xunit.Abstractions;

namespace MirrorSense.Vision.Tests.Faces;

/// <summary>Head pose of every face the mesh trusts in face-api's demo photos, against the same photo mirrored left-right.</summary>
public sealed class MirroredPhotoTests(ITestOutputHelper output)
{
    public static TheoryData<int, float, float> TrustedFaces => new()
    {
        // Sample, and the pose's nose in it (pixels)
        { 1, 529, 507 }, { 1, 1558, 324 }, { 2, 1525, 316 }, { 3, 688, 509 }, { 4, 1050, 320 },
        { 5, 878, 372 }, { 5, 1452, 585 }, { 6, 439, 589 }, { 6, 1558, 450 },
    };

    [SkippableTheory]
    [MemberData(nameof(TrustedFaces))]
    public void Should_flip_yaw_and_roll_and_keep_pitch_when_a_real_photo_is_mirrored(int sample, float noseX, float noseY)
    {
        // Given a real face found from the pose, its region, and the photo and the region flipped left-right (the pose is
        // not run again: in a mirrored photo it may pick another two of the people in view)
        using var photo = FacePhotos.Read(sample);
        using var mirrored = photo.Flip(FlipMode.Y);
        using var landmarker = FaceLandmarker.Open();
        var person = FacePhotos.PersonNearest(photo, new PointF2(noseX, noseY));
        var region = FaceRegions.FromMesh(landmarker.Estimate(photo, FaceRegions.FromPose(person.Landmarks), MediaTime.Zero));
        var flipped = region with { Center = new PointF2(photo.Width - 1 - region.Center.X, region.Center.Y), Rotation = -region.Rotation };

        // When the mesh runs on each and its head pose is read
        var mesh = landmarker.Estimate(photo, region, MediaTime.Zero);
        var mirrorMesh = landmarker.Estimate(mirrored, flipped, MediaTime.Zero);
        Assert.True(mesh.IsTrusted && mirrorMesh.IsTrusted, $"scores {mesh.Score:0.00}, {mirrorMesh.Score:0.00}");
        var (pose, mirror) = (HeadPose.Of(mesh), HeadPose.Of(mirrorMesh));
        output.WriteLine($"sample {sample} at ({noseX}, {noseY}): {pose}; mirrored {mirror}");

        // Then yaw changes sign; for heads turned less than 30° yaw and roll also keep their size within 4°, and pitch
        // stays within 4° (the mesh of a face turned further, sample 5's left woman at 40°, is not its mirror image's
        // mirror: there the mirrored face reads about half the turn)
        if (Math.Abs(pose.Yaw) >= 5)
            Assert.Equal(-Math.Sign(pose.Yaw), Math.Sign(mirror.Yaw));
        if (Math.Abs(pose.Yaw) < 30)
        {
            Assert.InRange(pose.Yaw + mirror.Yaw, -4, 4);
            Assert.InRange(pose.Roll + mirror.Roll, -4, 4);
            Assert.InRange(pose.Pitch - mirror.Pitch, -4, 4);
        }
    }
}
