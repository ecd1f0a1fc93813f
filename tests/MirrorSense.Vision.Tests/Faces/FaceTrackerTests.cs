using MirrorSense.Core;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Tracking;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests.Faces;

/// <summary>One person's face followed over frames of the portrait of <see cref="FaceClip"/>, moved, left and come back.</summary>
public sealed class FaceTrackerTests
{
    [SkippableFact]
    public void Should_follow_a_face_that_moves_forget_it_when_the_person_leaves_and_find_it_again_from_the_pose()
    {
        // Given the portrait, the same moved 60 px right and 20 px down, and each one's pose
        using var portrait = FaceClip.Portrait();
        using var shift = Mat.FromPixelData(2, 3, MatType.CV_64FC1, new double[] { 1, 0, 60, 0, 1, 20 });
        using var moved = new Mat();
        Cv2.WarpAffine(portrait, moved, shift, portrait.Size(), InterpolationFlags.Linear, BorderTypes.Replicate);
        // (the pose unsmoothed, so it jumps with the picture as the face does)
        using var estimator = new PoseEstimator(new PoseOptions(MaxPeople: 1, Only: Participant.A) { Smoothing = SmoothingOptions.None });
        var person = Assert.Single(estimator.Process(portrait, MediaTime.Zero).People);
        var movedPerson = Assert.Single(estimator.Process(moved, MediaTime.FromSeconds(0.033)).People);

        // When the tracker follows: still, moved, the person gone, back
        using var landmarker = FaceLandmarker.Open();
        var tracker = new FaceTracker(landmarker, SmoothingOptions.None);
        var first = tracker.Track(portrait, person, MediaTime.Zero);
        var second = tracker.Track(moved, movedPerson, MediaTime.FromSeconds(0.033));
        var gone = tracker.Track(portrait, null, MediaTime.FromSeconds(0.067));
        var back = tracker.Track(portrait, person, MediaTime.FromSeconds(0.1));

        // Then the face moves with the picture (the nose tip within 3 px of 60 px right and 20 down), is missing while the
        // person is away, and is found again where it was
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(gone);
        Assert.NotNull(back);
        var (a, b) = (first[FaceMeshPoint.NoseTip], second[FaceMeshPoint.NoseTip]);
        Assert.InRange(b.X - a.X, 57, 63);
        Assert.InRange(b.Y - a.Y, 17, 23);
        Assert.InRange(back[FaceMeshPoint.NoseTip].X - a.X, -3, 3);
        Assert.Equal(MediaTime.FromSeconds(0.033), second.Time);
    }
}
