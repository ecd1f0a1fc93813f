using MirrorSense.Core;
using MirrorSense.Sessions.Pose;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.Pose;

public sealed class PoseCsvTests
{
    [Fact]
    public void A_landmark_without_depth_is_written_with_an_empty_z_and_read_back_without_depth_not_at_zero()
    {
        // Given a person whose nose has no depth (2-D keypoints) and whose shoulder has one
        var landmarks = new PoseLandmark[Skeleton.LandmarkCount];
        landmarks[Skeleton.Nose] = new PoseLandmark(101.5f, 52.25f, float.NaN, 0.75f);
        landmarks[Skeleton.LeftShoulder] = new PoseLandmark(120f, 90f, -12.5f, 1f);
        using var folder = new TempFolder();
        var path = folder.Combine("pose.csv");
        using (var writer = new PoseCsvWriter(new StreamWriter(path)))
            writer.Write(new PoseFrame(MediaTime.FromSeconds(0.5), [new PersonPose(Participant.B, landmarks)]));

        Assert.Contains("0.500000,B,nose,101.50,52.25,,0.7500", File.ReadLines(path));
        var person = PoseCsvReader.Read(path).Single().People.Single();
        Assert.Equal(Participant.B, person.Participant);
        Assert.True(float.IsNaN(person[Skeleton.Nose].Z));
        Assert.Equal((101.5f, 52.25f, 0.75f), (person[Skeleton.Nose].X, person[Skeleton.Nose].Y, person[Skeleton.Nose].Visibility));
        Assert.Equal(-12.5f, person[Skeleton.LeftShoulder].Z);
    }
}
