using MirrorSense.Core;
using MirrorSense.Vision.Imaging;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests.Imaging;

public sealed class SideBySidePictureTests
{
    [Fact]
    public void Two_pictures_of_different_sizes_sit_side_by_side_at_one_height_A_left_B_right()
    {
        using var pair = new SideBySidePicture(120);
        using var a = new Mat(240, 320, MatType.CV_8UC3, new Scalar(255, 0, 0));
        using var b = new Mat(120, 200, MatType.CV_8UC3, new Scalar(0, 0, 255));
        using var picture = new Mat();

        pair.Put(0, a);
        pair.Put(1, b);
        pair.Compose(picture);

        Assert.Equal(new Size(160 + 200, 120), picture.Size());
        Assert.Equal(new Vec3b(255, 0, 0), picture.At<Vec3b>(60, 80));
        Assert.Equal(new Vec3b(0, 0, 255), picture.At<Vec3b>(60, 260));
    }

    [Fact]
    public void A_camera_that_has_not_delivered_leaves_its_half_black_and_as_wide_as_the_other()
    {
        using var pair = new SideBySidePicture(100);
        using var b = new Mat(100, 150, MatType.CV_8UC3, Scalar.White);
        using var picture = new Mat();

        pair.Put(1, b);
        pair.Compose(picture);

        Assert.Equal(new Size(300, 100), picture.Size());
        Assert.Equal(new Vec3b(0, 0, 0), picture.At<Vec3b>(50, 75));
        Assert.Equal(new Vec3b(255, 255, 255), picture.At<Vec3b>(50, 225));
    }

    [Fact]
    public void Each_cameras_skeleton_is_scaled_with_its_picture_and_B_is_moved_onto_the_right_half()
    {
        using var pair = new SideBySidePicture(120);
        using var a = new Mat(240, 320, MatType.CV_8UC3);
        using var b = new Mat(120, 200, MatType.CV_8UC3);
        pair.Put(0, a);
        pair.Put(1, b);

        var placedA = pair.Place(0, Person(Participant.A, 100, 200));
        var placedB = pair.Place(1, Person(Participant.B, 50, 60));

        Assert.Equal((50f, 100f), (placedA.Landmarks[0].X, placedA.Landmarks[0].Y));
        Assert.Equal((160f + 50f, 60f), (placedB.Landmarks[0].X, placedB.Landmarks[0].Y));
        Assert.Equal(Participant.B, placedB.Participant);
    }

    private static PersonPose Person(Participant who, float x, float y) => new(who, [new PoseLandmark(x, y, 0, 1)]);
}
