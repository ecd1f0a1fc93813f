using MirrorSense.Core;
using MirrorSense.Fixtures;
using MirrorSense.Testing;
using OpenCvSharp;
using Xunit.Abstractions;

namespace MirrorSense.Vision.Tests;

/// <summary>
/// The constructed dyad (TESTING.md): two real seated people side by side, each leaning by a known
/// angle signal, written to an MJPG AVI, read back and run through the whole pose pipeline. The
/// shoulder line recovered for each person must follow that person's true lean, and A must be the
/// left person in every frame.
/// </summary>
public sealed class ConstructedDyadTests(ITestOutputHelper output)
{
    private static double LeanA(double t) => 12 * Math.Sin(2 * Math.PI * t / 4.0);
    private static double LeanB(double t) => 10 * Math.Sin(2 * Math.PI * t / 5.5 + 1);

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_recover_each_persons_lean_and_keep_identities(bool swap)
    {
        // Given a 10 s, 30 fps video: the seated woman leaning ±12° (4 s period) left, the seated man ±10° (5.5 s) right
        using var folder = new TempFolder();
        var video = folder.Combine("dyad.avi");
        using (var woman = SamplePhotos.Crop(SamplePhotos.SeatedWoman, 1))
        using (var man = SamplePhotos.Crop(new Rect(355, 0, 150, 158), 1))
            new ConstructedDyadVideo().Write(video, woman, man, LeanA, LeanB);

        // When the pose pipeline reads it
        var frames = DyadRun.Run(video, new PoseOptions(Swap: swap));

        // Then both people are in every frame, each with the right identity
        Assert.Equal(300, frames.Count);
        var (left, right) = swap ? (Participant.B, Participant.A) : (Participant.A, Participant.B);
        foreach (var frame in frames)
        {
            Assert.True(frame.Of(left) is { } l && l[Skeleton.Nose].X < 320, $"{frame.Time}: no {left} on the left");
            Assert.True(frame.Of(right) is { } r && r[Skeleton.Nose].X >= 320, $"{frame.Time}: no {right} on the right");
        }

        // And each shoulder line follows its person's lean
        var leftFit = LeanFit.Of(frames, left, LeanA);
        var rightFit = LeanFit.Of(frames, right, LeanB);
        output.WriteLine($"left: {leftFit}; right: {rightFit}");
        Assert.True(leftFit.Correlation >= 0.9 && leftFit.RmsDegrees <= 3, $"left person: {leftFit}");
        Assert.True(rightFit.Correlation >= 0.9 && rightFit.RmsDegrees <= 3, $"right person: {rightFit}");
    }
}
