using MirrorSense.Core;
using MirrorSense.Vision.Tracking;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests;

/// <summary>
/// Landmarks fall on real bodies. The expected points were read by eye off 3–4× enlargements of each
/// photo with a 10-pixel grid (nose tip; the centre of each shoulder joint, a little below the top of the
/// shoulder's outline), in pixels of the 1280×1158 sheet. Tolerances: nose and shoulders 8 px (about the width of a nose
/// at this size, 5 % of the 158-pixel photo height; the full model puts the nose at a nostril), hips and
/// wrists 12 px (8 %; hips are hidden by clothes, so looser).
/// </summary>
public sealed class PhotoLandmarkTests
{
    public static TheoryData<string, LandmarkModelKind> Cases() => new()
    {
        { "standing woman", LandmarkModelKind.Lite },
        { "standing woman", LandmarkModelKind.Full },
        { "seated woman", LandmarkModelKind.Lite },
        { "seated woman", LandmarkModelKind.Full },
        { "seated man", LandmarkModelKind.Lite },
        { "seated man", LandmarkModelKind.Full },
    };

    private static readonly Dictionary<string, (Rect Photo, double Scale, (string Landmark, float X, float Y, float Tolerance)[] Points)> Photos = new()
    {
        ["standing woman"] = (SamplePhotos.StandingWoman, 4, [
            ("nose", 76, 17, 8), ("left_shoulder", 94.5f, 31, 8), ("right_shoulder", 66, 33, 8),
            ("left_hip", 86, 73, 12), ("right_hip", 71, 74, 12), ("left_wrist", 117, 68, 12), ("right_wrist", 35, 67, 12)]),
        ["seated woman"] = (SamplePhotos.SeatedWoman, 4, [
            ("nose", 238.5f, 46, 8), ("left_shoulder", 262, 89, 8), ("right_shoulder", 190, 90, 8)]),
        ["seated man"] = (SamplePhotos.SeatedMan, 3, [
            ("nose", 448.5f, 41, 8), ("left_shoulder", 485.5f, 66.5f, 8), ("right_shoulder", 425.5f, 66.5f, 8)]),
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Should_put_landmarks_on_the_person_in_a_real_photo(string photo, LandmarkModelKind model)
    {
        // Given a photo of one real person, enlarged as a webcam would show them
        var (rect, scale, points) = Photos[photo];
        using var frame = SamplePhotos.Crop(rect, scale);

        // When the estimator sees it for a few frames (detection, then tracking from its own landmarks)
        using var estimator = new PoseEstimator(new PoseOptions(Model: model, MaxPeople: 1) { Smoothing = SmoothingOptions.None });
        PoseFrame result = null!;
        for (var i = 0; i < 3; i++)
            result = estimator.Process(frame, MediaTime.FromSeconds(i / 30.0));

        // Then one person is found and each hand-checked point lies within its tolerance
        var person = Assert.Single(result.People);
        foreach (var (landmark, x, y, tolerance) in points)
        {
            var found = person[Skeleton.IndexOf(landmark)];
            var (sheetX, sheetY) = (found.X / scale + rect.X, found.Y / scale + rect.Y);
            var error = Math.Sqrt((sheetX - x) * (sheetX - x) + (sheetY - y) * (sheetY - y));
            Assert.True(error <= tolerance,
                $"{photo} ({model}): {landmark} at ({sheetX:0.0}, {sheetY:0.0}), {error:0.0} px from ({x}, {y}); tolerance {tolerance} px");
            Assert.True(found.Visibility > 0.5f, $"{photo}: {landmark} visibility {found.Visibility:0.00}");
        }
    }

    [SkippableFact]
    public void Should_track_the_two_most_prominent_of_three_people_and_count_the_extra_one()
    {
        // Given a photo of three people: a woman either side of a smaller man behind them
        using var frame = SamplePhotos.Crop(SamplePhotos.ThreePeople, 3);

        // When two people may be tracked
        using var estimator = new PoseEstimator();
        var result = estimator.Process(frame, MediaTime.Zero);

        // Then the two women are tracked, A on the left, and the frame is counted as having an extra person
        Assert.Equal([Participant.A, Participant.B], result.People.Select(p => p.Participant));
        var (a, b) = (result.Of(Participant.A)!, result.Of(Participant.B)!);
        Assert.InRange(a[Skeleton.Nose].X / 3 + 1130, 1168, 1181);   // by eye: 1174.5, 39
        Assert.InRange(b[Skeleton.Nose].X / 3 + 1130, 1216, 1230);   // by eye: 1223, 36.5
        Assert.Equal(1, estimator.Statistics.FramesWithExtraPeople);
        Assert.True(estimator.Statistics.MostPeopleDetected >= 3, $"people detected: {estimator.Statistics.MostPeopleDetected}");
    }

    [SkippableFact]
    public void Should_find_no_one_in_an_empty_scene_and_still_return_the_frame()
    {
        // Given a frame of a plain wall with a gradient, no person in it
        using var frame = new Mat(480, 640, MatType.CV_8UC3, new Scalar(120, 130, 140));
        Cv2.Rectangle(frame, new Rect(0, 240, 640, 240), new Scalar(60, 70, 80), -1);

        // When frames are processed
        using var estimator = new PoseEstimator();
        var results = Enumerable.Range(0, 3).Select(i => estimator.Process(frame, MediaTime.FromSeconds(i / 30.0))).ToList();

        // Then every frame comes back, at its time, with no people
        Assert.All(results, r => Assert.Empty(r.People));
        Assert.Equal([0L, 33_333L, 66_667L], results.Select(r => r.Time.Microseconds));
        Assert.Equal(3, estimator.Statistics.Frames);
        Assert.Equal(3, estimator.Statistics.DetectorRuns);
    }

    [SkippableTheory]
    [InlineData(Participant.A)]
    [InlineData(Participant.B)]
    public void Should_label_the_one_person_of_a_camera_as_told_in_two_camera_mode(Participant participant)
    {
        // Given a person standing left of centre (who would be A by position)
        using var photo = SamplePhotos.Crop(SamplePhotos.StandingWoman, 2);
        using var frame = new Mat(480, 640, MatType.CV_8UC3, new Scalar(128, 128, 128));
        using (var left = new Mat(frame, new Rect(20, 80, photo.Width, photo.Height)))
            photo.CopyTo(left);

        // When this camera is declared to show one participant
        using var estimator = new PoseEstimator(new PoseOptions(MaxPeople: 1, Only: participant));
        var result = estimator.Process(frame, MediaTime.Zero);

        // Then that is the participant, wherever they stand
        Assert.Equal(participant, Assert.Single(result.People).Participant);
    }
}
