using MirrorSense.Core;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Imaging;
using MirrorSense.Vision.Tracking;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests.Faces;

/// <summary>
/// The face mesh on real faces of face-api's demo photos (1920 px wide), with regions found from the body pose.
/// The expected points were read by eye off 4× enlargements with a 10-pixel grid: the outer corner of each eye
/// (where the upper and lower lids meet, not the end of the eyeliner) and each mouth corner, in pixels of the photo.
/// Tolerance: a tenth of the distance between the outer eye corners (11–15 px here), the usual failure bar of face
/// alignment benchmarks (normalised error above 10 %).
/// </summary>
public sealed class FaceLandmarkerTests
{
    private static readonly Dictionary<string, (int Sample, (FaceMeshPoint Index, float X, float Y)[] Points)> Faces = new()
    {
        ["sample 1, left woman, looking at the camera"] = (1, [
            (FaceMeshPoint.RightEyeOuter, 426, 456), (FaceMeshPoint.LeftEyeOuter, 540, 457), (FaceMeshPoint.MouthRight, 442, 539), (FaceMeshPoint.MouthLeft, 526, 542)]),
        ["sample 1, right woman, head rolled about 40°, laughing"] = (1, [
            (FaceMeshPoint.RightEyeOuter, 1542, 270), (FaceMeshPoint.LeftEyeOuter, 1631, 350), (FaceMeshPoint.MouthRight, 1500, 341), (FaceMeshPoint.MouthLeft, 1555, 394)]),
        ["sample 3, woman close to the camera"] = (3, [
            (FaceMeshPoint.RightEyeOuter, 606, 432), (FaceMeshPoint.LeftEyeOuter, 753, 437), (FaceMeshPoint.MouthRight, 641, 535), (FaceMeshPoint.MouthLeft, 712, 536)]),
    };

    public static TheoryData<string> FaceNames => [.. Faces.Keys];

    [SkippableTheory]
    [MemberData(nameof(FaceNames))]
    public void Should_put_eye_and_mouth_corners_on_a_real_face_found_from_the_pose(string name)
    {
        // Given a real photo, the people the pose estimator finds in it, and the one whose face is checked
        var (sample, points) = Faces[name];
        using var photo = FacePhotos.Read(sample);
        var person = FacePhotos.PersonNearest(photo, Centre(points));

        // When the face mesh runs on the region from the pose, then once more on the region from its own mesh (as when tracking)
        using var landmarker = FaceLandmarker.Open();
        var first = landmarker.Estimate(photo, FaceRegions.FromPose(person.Landmarks), MediaTime.FromSeconds(1));
        var mesh = landmarker.Estimate(photo, FaceRegions.FromMesh(first), MediaTime.FromSeconds(1.04));

        // Then it is a confident face at the frame's time, and each checked corner lies within a tenth of the eye distance
        Assert.True(first.Score > FaceLandmarker.MinFaceScore, $"{name}: score from the pose region {first.Score:0.000}");
        Assert.True(mesh.Score > FaceLandmarker.MinFaceScore, $"{name}: score {mesh.Score:0.000}");
        Assert.Equal(MediaTime.FromSeconds(1.04), mesh.Time);
        var tolerance = 0.1f * Distance(points[0].X, points[0].Y, points[1].X, points[1].Y);
        foreach (var (index, x, y) in points)
        {
            var error = Distance(mesh[index].X, mesh[index].Y, x, y);
            Assert.True(error <= tolerance, $"{name}: point {index} at ({mesh[index].X:0}, {mesh[index].Y:0}), {error:0.0} px from ({x}, {y}); tolerance {tolerance:0.0} px");
        }

        // And the whole mesh lies on the head: within 1.5 eye distances of the checked points' centre (forehead and chin reach about 1.3)
        var centre = Centre(points);
        var radius = 15 * tolerance;
        Assert.All(mesh.Points, p => Assert.True(Distance(p.X, p.Y, centre.X, centre.Y) <= radius, $"{name}: ({p.X:0}, {p.Y:0}) is more than {radius:0} px from the face's centre"));
        Assert.True(mesh[FaceMeshPoint.RightEyeOuter].X < mesh[FaceMeshPoint.LeftEyeOuter].X, $"{name}: the person's right eye is on the image's left");
    }

    [SkippableFact]
    public void Should_mirror_its_landmarks_when_the_photo_is_mirrored()
    {
        // Given a real face and the same photo flipped left-right, with the region flipped too
        using var photo = FacePhotos.Read(3);
        using var mirrored = photo.Flip(FlipMode.Y);
        using var landmarker = FaceLandmarker.Open();
        var region = FaceRegions.FromMesh(landmarker.Estimate(photo, FaceRegions.FromPose(FacePhotos.PersonNearest(photo, new PointF2(680, 480)).Landmarks), MediaTime.Zero));
        var flipped = region with { Center = new PointF2(photo.Width - 1 - region.Center.X, region.Center.Y), Rotation = -region.Rotation };

        // When the mesh runs on both
        var mesh = landmarker.Estimate(photo, region, MediaTime.Zero);
        var mirror = landmarker.Estimate(mirrored, flipped, MediaTime.Zero);

        // Then each eye and mouth corner of the mirror image is its twin's mirror image, within 5 % of the eye distance
        var tolerance = 0.05f * Distance(mesh[FaceMeshPoint.RightEyeOuter].X, mesh[FaceMeshPoint.RightEyeOuter].Y, mesh[FaceMeshPoint.LeftEyeOuter].X, mesh[FaceMeshPoint.LeftEyeOuter].Y);
        foreach (var (a, b) in new[] { (FaceMeshPoint.RightEyeOuter, FaceMeshPoint.LeftEyeOuter), (FaceMeshPoint.RightEyeInner, FaceMeshPoint.LeftEyeInner), (FaceMeshPoint.MouthRight, FaceMeshPoint.MouthLeft) })
        {
            foreach (var (from, to) in new[] { (a, b), (b, a) })
            {
                var error = Distance(photo.Width - 1 - mirror[from].X, mirror[from].Y, mesh[to].X, mesh[to].Y);
                Assert.True(error <= tolerance, $"mirrored point {from} is {error:0.0} px from point {to}; tolerance {tolerance:0.0} px");
            }
        }

        var nose = Distance(photo.Width - 1 - mirror[FaceMeshPoint.NoseTip].X, mirror[FaceMeshPoint.NoseTip].Y, mesh[FaceMeshPoint.NoseTip].X, mesh[FaceMeshPoint.NoseTip].Y);
        Assert.True(nose <= tolerance, $"nose tip {nose:0.0} px from its mirror image");
    }

    public static TheoryData<string, float, float, float, float> RegionsWithoutAFace => new()
    {
        // What, centre x, y, side (pixels of sample 1 unless said), rotation in degrees
        { "dark window behind the people", 800, 150, 250, 0 },
        { "long hair hanging down a back", 1760, 700, 250, 0 },
        { "a torso in a black and white top", 960, 1000, 300, 0 },
        { "sample 3's face lying on its side in the region (rotation off by 90°)", 699, 477, 368, 90 },
    };

    [SkippableTheory]
    [MemberData(nameof(RegionsWithoutAFace))]
    public void Should_give_a_low_score_not_a_crash_for_a_region_without_an_upright_face(string what, float x, float y, float side, float rotationDegrees)
    {
        // Given a region of a real photo that holds no face the right way up
        using var photo = FacePhotos.Read(what.StartsWith("sample 3", StringComparison.Ordinal) ? 3 : 1);
        using var landmarker = FaceLandmarker.Open();

        // When the mesh runs on it
        var mesh = landmarker.Estimate(photo, new RegionOfInterest(new PointF2(x, y), side, rotationDegrees * MathF.PI / 180), MediaTime.Zero);

        // Then the score says there is no face, and the mesh is still complete and finite
        Assert.True(mesh.Score < 0.05f, $"{what}: score {mesh.Score:0.000}");
        Assert.Equal(FaceMesh.PointCount, mesh.Points.Count);
        Assert.All(mesh.Points, p => Assert.True(float.IsFinite(p.X) && float.IsFinite(p.Y) && float.IsFinite(p.Z)));
    }

    [SkippableFact]
    public void Should_give_a_low_score_for_a_face_a_few_pixels_wide_and_still_answer_for_a_region_of_one_pixel()
    {
        // Given sample 3 shrunk to 1/100 (its eye corners 1.5 px apart, the face about 4 px wide)
        using var photo = FacePhotos.Read(3);
        using var tiny = photo.Resize(new Size(0, 0), 0.01, 0.01, InterpolationFlags.Area);
        using var landmarker = FaceLandmarker.Open();

        // When the mesh runs on the face's region scaled alike, and on a region of one pixel
        var face = landmarker.Estimate(tiny, new RegionOfInterest(new PointF2(6.99f, 4.77f), 3.68f, 0), MediaTime.Zero);
        var pixel = landmarker.Estimate(photo, new RegionOfInterest(new PointF2(699, 477), 1, 0), MediaTime.Zero);

        // Then both come back, with scores that say no face
        Assert.True(face.Score < FaceLandmarker.MinFaceScore, $"tiny face: score {face.Score:0.000}");
        Assert.True(pixel.Score < FaceLandmarker.MinFaceScore, $"one-pixel region: score {pixel.Score:0.000}");
    }

    [SkippableFact]
    public void Should_refuse_a_region_without_a_size_or_a_frame_that_is_not_BGR()
    {
        using var landmarker = FaceLandmarker.Open();
        using var frame = new Mat(64, 64, MatType.CV_8UC3, Scalar.Gray);
        using var gray = new Mat(64, 64, MatType.CV_8UC1, Scalar.Gray);
        Assert.Throws<ArgumentOutOfRangeException>(() => landmarker.Estimate(frame, new RegionOfInterest(new PointF2(32, 32), 0, 0), MediaTime.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => landmarker.Estimate(frame, new RegionOfInterest(new PointF2(float.NaN, 32), 10, 0), MediaTime.Zero));
        Assert.Throws<ArgumentException>(() => landmarker.Estimate(gray, new RegionOfInterest(new PointF2(32, 32), 10, 0), MediaTime.Zero));
    }

    private static PointF2 Centre((FaceMeshPoint Index, float X, float Y)[] points) => new(points.Average(p => p.X), points.Average(p => p.Y));

    private static float Distance(float x1, float y1, float x2, float y2) => MathF.Sqrt((x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2));
}
