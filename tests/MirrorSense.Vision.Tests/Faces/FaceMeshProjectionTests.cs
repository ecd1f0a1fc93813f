using MirrorSense.Core;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Imaging;

namespace MirrorSense.Vision.Tests.Faces;

/// <summary>The face model's tensors become frame pixels through the region it was given.</summary>
public sealed class FaceMeshProjectionTests
{
    private static float[] Raw(params (int Index, float X, float Y, float Z)[] set)
    {
        var raw = new float[FaceMesh.PointCount * 3];
        foreach (var (index, x, y, z) in set)
            (raw[3 * index], raw[3 * index + 1], raw[3 * index + 2]) = (x, y, z);
        return raw;
    }

    [Fact]
    public void Should_scale_and_move_points_from_the_model_input_into_the_frame()
    {
        // Given a 384-pixel region centred at (500, 300), unrotated, and a point at input pixel (48, 144, z 12)
        var region = new RegionOfInterest(new PointF2(500, 300), 384, 0);

        // When projected
        var mesh = FaceMeshProjection.Project(Raw((7, 48, 144, 12)), 0f, region, 192, MediaTime.FromSeconds(2));

        // Then the point lands at twice its offset from the input's centre, z at the same scale; the time is kept
        Assert.Equal(new FacePoint(500 + 2 * (48 - 96), 300 + 2 * (144 - 96), 24), mesh[7]);
        Assert.Equal(MediaTime.FromSeconds(2), mesh.Time);
        Assert.Equal(FaceMesh.PointCount, mesh.Points.Count);
    }

    [Fact]
    public void Should_turn_points_with_a_rotated_region()
    {
        // Given a region turned 90° clockwise, and a point right of the input's centre
        var region = new RegionOfInterest(new PointF2(100, 100), 192, MathF.PI / 2);

        // When projected, Then it lands below the region's centre in the frame
        var point = FaceMeshProjection.Project(Raw((0, 146, 96, 0)), 0f, region, 192, MediaTime.Zero)[0];
        Assert.Equal(100f, point.X, 1e-3f);
        Assert.Equal(150f, point.Y, 1e-3f);
    }

    [Theory]
    [InlineData(0f, 0.5f)]
    [InlineData(4f, 0.982f)]
    [InlineData(-4f, 0.018f)]
    [InlineData(1e6f, 1f)]
    public void Should_read_the_score_as_a_probability_from_its_logit(float logit, float probability)
    {
        var mesh = FaceMeshProjection.Project(Raw(), logit, new RegionOfInterest(new PointF2(0, 0), 1, 0), 192, MediaTime.Zero);
        Assert.Equal(probability, mesh.Score, 3e-3f);
    }

    [Fact]
    public void Should_refuse_a_tensor_of_the_wrong_length()
    {
        Assert.Throws<ArgumentException>(() => FaceMeshProjection.Project(new float[1434], 0f, default, 192, MediaTime.Zero));
    }
}
