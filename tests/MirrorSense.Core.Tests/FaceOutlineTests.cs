using MirrorSense.Core;

namespace MirrorSense.Core.Tests;

public sealed class FaceOutlineTests
{
    [Fact]
    public void Each_outline_goes_round_its_named_points_once_within_the_mesh()
    {
        Assert.All(FaceOutline.All, outline =>
        {
            Assert.All(outline, i => Assert.InRange(i, 0, FaceMesh.PointCount - 1));
            Assert.Equal(outline.Length, outline.Distinct().Count());
        });
        Assert.Contains((int)FaceMeshPoint.ForeheadTop, FaceOutline.Face);
        Assert.Contains((int)FaceMeshPoint.Chin, FaceOutline.Face);
        Assert.Contains((int)FaceMeshPoint.MouthRight, FaceOutline.Lips);
        Assert.Contains((int)FaceMeshPoint.MouthLeft, FaceOutline.Lips);
        Assert.Equal(
            [FaceMeshPoint.RightEyeOuter, FaceMeshPoint.RightEyeLowerLid, FaceMeshPoint.RightEyeInner, FaceMeshPoint.RightEyeUpperLid],
            FaceOutline.RightEye.Where(i => Enum.IsDefined((FaceMeshPoint)i)).Select(i => (FaceMeshPoint)i));
        Assert.Equal(
            [FaceMeshPoint.LeftEyeOuter, FaceMeshPoint.LeftEyeLowerLid, FaceMeshPoint.LeftEyeInner, FaceMeshPoint.LeftEyeUpperLid],
            FaceOutline.LeftEye.Where(i => Enum.IsDefined((FaceMeshPoint)i)).Select(i => (FaceMeshPoint)i));
    }
}
