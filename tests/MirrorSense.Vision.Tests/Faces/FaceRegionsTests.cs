using MirrorSense.Core;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Imaging;

namespace MirrorSense.Vision.Tests.Faces;

/// <summary>Face regions from a body pose's face points and from a face mesh, on constructed points.</summary>
public sealed class FaceRegionsTests
{
    private const float Degrees = MathF.PI / 180;

    /// <summary>An upright face seen from the front: eyes 20 px apart at y = 100, mouth corners 20 px below, turned by <paramref name="roll"/> about (100, 100).</summary>
    private static PoseLandmark[] Pose(float roll)
    {
        var pose = new PoseLandmark[Skeleton.LandmarkCount];
        void Set(string name, float x, float y)
        {
            var (dx, dy) = (x - 100, y - 100);
            pose[Skeleton.IndexOf(name)] = new PoseLandmark(
                100 + dx * MathF.Cos(roll) - dy * MathF.Sin(roll), 100 + dx * MathF.Sin(roll) + dy * MathF.Cos(roll), 0, 1);
        }

        Set("right_eye", 90, 100);   // the person's right eye is on the image's left
        Set("left_eye", 110, 100);
        Set("mouth_right", 94, 120);
        Set("mouth_left", 106, 120);
        return pose;
    }

    [Fact]
    public void Should_centre_an_upright_face_between_eyes_and_mouth_and_size_it_by_its_features()
    {
        // Given an upright face, When its region is taken from the pose
        var region = FaceRegions.FromPose(Pose(roll: 0));

        // Then it is unrotated, a little below the eyes, and the larger of its two size estimates
        Assert.Equal(0f, region.Rotation, 1e-5f);
        Assert.Equal(100f, region.Center.X, 1e-3f);
        Assert.Equal(100f + FaceRegions.CentreBelowEyes * 20, region.Center.Y, 1e-3f);
        Assert.Equal(MathF.Max(FaceRegions.SizePerEyeMouthDistance, FaceRegions.SizePerEyeDistance) * 20, region.Size, 1e-3f);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(-45)]
    [InlineData(170)]
    public void Should_turn_with_a_rolled_head_so_the_face_stands_upright_in_the_region(float rollDegrees)
    {
        // Given a face rolled on screen (positive = clockwise, y down)
        var pose = Pose(rollDegrees * Degrees);

        // When its region is taken from the pose
        var region = FaceRegions.FromPose(pose);

        // Then the region turns by the same angle: the eyes lie level in it, the right eye on its left, the mouth below
        Assert.Equal(rollDegrees, region.Rotation / Degrees, 0.01f);
        var inRegion = (PoseLandmark p) => Unrotate(region, p.X, p.Y);
        var (rightEye, leftEye, mouth) = (inRegion(pose[5]), inRegion(pose[2]), inRegion(pose[9]));
        Assert.Equal(rightEye.Y, leftEye.Y, 1e-3f);
        Assert.True(rightEye.X < leftEye.X);
        Assert.True(mouth.Y > rightEye.Y);
    }

    [Fact]
    public void Should_box_a_mesh_with_half_as_much_again_and_turn_it_along_the_outer_eye_corners()
    {
        // Given a mesh spanning x 40..100 and y 20..100 whose outer eye corners rise 10 px over 50 px towards the person's left
        var points = Enumerable.Repeat(new FacePoint(70, 60, 0), FaceMesh.PointCount).ToArray();
        points[0] = new FacePoint(40, 20, 0);
        points[1] = new FacePoint(100, 100, 0);
        points[(int)FaceMeshPoint.RightEyeOuter] = new FacePoint(45, 50, 0);
        points[(int)FaceMeshPoint.LeftEyeOuter] = new FacePoint(95, 40, 0);

        // When the next region is taken from it
        var region = FaceRegions.FromMesh(new FaceMesh(MediaTime.Zero, 1f, points));

        // Then it is centred on the box, 1.5 × its long side, turned anticlockwise by the eye line's angle
        Assert.Equal(new PointF2(70, 60), region.Center);
        Assert.Equal(120f, region.Size, 1e-3f);
        Assert.Equal(MathF.Atan2(-10, 50), region.Rotation, 1e-5f);
    }

    [Fact]
    public void Should_refuse_a_pose_that_is_not_the_33_point_schema()
    {
        Assert.Throws<ArgumentException>(() => FaceRegions.FromPose(new PoseLandmark[17]));
    }

    /// <summary>Image point → the region's own frame (rotation undone, centre at the origin).</summary>
    private static PointF2 Unrotate(RegionOfInterest region, float x, float y)
    {
        var (dx, dy) = (x - region.Center.X, y - region.Center.Y);
        var (cos, sin) = (MathF.Cos(region.Rotation), MathF.Sin(region.Rotation));
        return new PointF2(cos * dx + sin * dy, -sin * dx + cos * dy);
    }
}
