using MirrorSense.Core;
using MirrorSense.Fixtures;
using MirrorSense.Testing;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests;

/// <summary>Identities survive two people walking past each other, one hidden behind the other for a while.</summary>
public sealed class CrossingTests
{
    [SkippableFact]
    public void Should_keep_each_persons_participant_when_they_cross()
    {
        // Given the standing woman walking left → right behind the woman in grey walking right → left, over 5 s
        using var folder = new TempFolder();
        var video = folder.Combine("crossing.avi");
        using var walker = SamplePhotos.Crop(SamplePhotos.StandingWoman, 1.6);
        using var other = SamplePhotos.Crop(new Rect(640, 0, 150, 158), 1.6);
        var crossing = new CrossingVideo();
        crossing.Write(video, walker, other);

        // When the pose pipeline reads it
        var frames = DyadRun.Run(video, new PoseOptions());

        // Then whoever is found carries the participant they started with (A: walker, from the left), close to where that person really is
        Assert.Equal(crossing.Frames, frames.Count);
        for (var i = 0; i < frames.Count; i++)
        {
            var (a, b) = crossing.CentreX(i, walker.Width, other.Width);
            foreach (var person in frames[i].People)
            {
                var truth = person.Participant == Participant.A ? a : b;
                Assert.True(Math.Abs(person[Skeleton.Nose].X - truth) < 60,
                    $"frame {i}: {person.Participant} at x = {person[Skeleton.Nose].X:0}, A is at {a:0}, B at {b:0}");
            }
        }

        // And both are found before the crossing, the one in front throughout, and the hidden one again after it
        Assert.All(frames.Take(40), f => Assert.Equal(2, f.People.Count));
        Assert.All(frames, f => Assert.NotNull(f.Of(Participant.B)));
        Assert.All(frames.TakeLast(30), f => Assert.Equal(2, f.People.Count));
    }
}
