using MirrorSense.Core;
using MirrorSense.Testing;
using MirrorSense.Vision.Imaging;
using MirrorSense.Vision.Tracking;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests;

/// <summary>
/// Real faces from the demo photos of @vladmandic/face-api (demo/sample1..6.jpg, 1920 px wide, MIT),
/// fetched by npm pack at test time into the npm cache, never committed.
/// </summary>
public static class FacePhotos
{
    public static string Path(int sample) => NpmTestPackages.File(NpmTestPackages.FaceApi, $"demo/sample{sample}.jpg");

    public static Mat Read(int sample)
    {
        var photo = Cv2.ImRead(Path(sample), ImreadModes.Color);
        if (photo.Empty())
        {
            photo.Dispose();
            throw new InvalidDataException($"OpenCV could not decode face-api's demo/sample{sample}.jpg.");
        }

        return photo;
    }

    /// <summary>The person the pose estimator finds whose nose is nearest <paramref name="point"/>.</summary>
    public static PersonPose PersonNearest(Mat photo, PointF2 point)
    {
        using var estimator = new PoseEstimator(new PoseOptions(MaxPeople: 2) { Smoothing = SmoothingOptions.None });
        var people = estimator.Process(photo, MediaTime.Zero).People;
        Assert.NotEmpty(people);
        return people.MinBy(p => MathF.Sqrt((p[Skeleton.Nose].X - point.X) * (p[Skeleton.Nose].X - point.X) + (p[Skeleton.Nose].Y - point.Y) * (p[Skeleton.Nose].Y - point.Y)))!;
    }
}
