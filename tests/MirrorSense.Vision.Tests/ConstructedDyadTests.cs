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
    internal static double LeanA(double t) => 12 * Math.Sin(2 * Math.PI * t / 4.0);
    internal static double LeanB(double t) => 10 * Math.Sin(2 * Math.PI * t / 5.5 + 1);

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_recover_each_persons_lean_and_keep_identities(bool swap)
    {
        // Given a 10 s, 30 fps video: the seated woman leaning ±12° (4 s period) left, the seated man ±10° (5.5 s) right
        using var folder = new TempFolder();
        var video = Write(folder.Combine("dyad.avi"), new ConstructedDyadVideo());

        // When the pose pipeline reads it
        var frames = DyadRun.Run(video, new PoseOptions(Swap: swap));

        // Then both people are in every frame, each with the right identity, and each shoulder line follows its person's lean
        var (left, right) = swap ? (Participant.B, Participant.A) : (Participant.A, Participant.B);
        var (leftFit, rightFit) = FollowedLeans(frames, left, right);
        output.WriteLine($"left: {leftFit}; right: {rightFit}");
    }

    [SkippableFact]
    public void Should_follow_each_persons_lean_on_every_second_frame_as_closely_as_every_frame_did_with_forward_smoothing_only()
    {
        // Given the 10 s dyad: the seated woman leaning ±12° (4 s period) left, the seated man ±10° (5.5 s) right
        using var folder = new TempFolder();
        var video = Write(folder.Combine("dyad.avi"), new ConstructedDyadVideo());

        // When the pose pipeline reads it as it did before offline runs smoothed backwards too (every frame, forward
        // smoothing only), on every second frame (both ways, as offline runs smooth now), and on every third frame
        var before = DyadRun.Run(video, new PoseOptions(LandmarkEvery: 1), backwards: false);
        var second = DyadRun.Run(video, new PoseOptions(LandmarkEvery: 2));
        var third = DyadRun.Run(video, new PoseOptions(LandmarkEvery: 3));

        // Then each still has both people in every frame, each with the right identity, following their leans
        var fits = new[] { before, second, third }.Select(frames => FollowedLeans(frames, Participant.A, Participant.B)).ToArray();
        foreach (var (label, (a, b)) in new[] { "every frame, forward only", "1 in 2, both ways", "1 in 3, both ways" }.Zip(fits))
            output.WriteLine($"{label}: A {a}; B {b}");

        // And every second frame keeps the lean accuracy of every frame before (issue 16: r at most 0.01 lower, RMS at
        // most 0.2° higher; measured: A −0.003 and +0.14°, B +0.005 and −0.01°); every third frame at a bounded cost
        // (r at most 0.02 lower, RMS at most 0.5° higher)
        var (beforeA, beforeB) = fits[0];
        foreach (var (label, (a, b), r, rms) in new[] { ("1 in 2", fits[1], 0.01, 0.2), ("1 in 3", fits[2], 0.02, 0.5) })
        {
            foreach (var (who, was, now) in new[] { ("A", beforeA, a), ("B", beforeB, b) })
            {
                Assert.True(now.Correlation >= was.Correlation - r, $"{who}, {label}: r {now.Correlation:0.000} against {was.Correlation:0.000} on every frame before");
                Assert.True(now.RmsError <= was.RmsError + rms, $"{who}, {label}: RMS {now.RmsError:0.00}° against {was.RmsError:0.00}° on every frame before");
            }
        }
    }

    [SkippableTheory]
    [InlineData("fast leans (2 s and 2.7 s periods, ±8°), the standing woman on the left", 1)]
    [InlineData("smooth random leans (four sines from 0.05 to 0.5 Hz each, ±10°), the seated woman on the left", 4)]
    public void Should_follow_other_leans_and_people_on_every_second_frame_as_closely_as_every_frame_did_with_forward_smoothing_only(string design, int seed)
    {
        // Given a 20 s dyad of the design (the man of the constructed dyad on the right)
        var (leanA, leanB) = seed == 1
            ? ((Func<double, double>)(t => 8 * Math.Sin(2 * Math.PI * t / 2.0)), (Func<double, double>)(t => 8 * Math.Sin(2 * Math.PI * t / 2.7 + 1)))
            : (SmoothRandomLean(new Random(100 + seed)), SmoothRandomLean(new Random(200 + seed)));
        using var folder = new TempFolder();
        using var left = SamplePhotos.Crop(seed == 1 ? SamplePhotos.StandingWoman : SamplePhotos.SeatedWoman, 1);
        using var right = SamplePhotos.Crop(new Rect(355, 0, 150, 158), 1);
        var video = folder.Combine("dyad.avi");
        new ConstructedDyadVideo(Seconds: 20).Write(video, left, right, leanA, leanB);

        // When it is read on every frame with forward smoothing only (as before), and on every second frame both ways
        var before = DyadRun.Run(video, new PoseOptions(LandmarkEvery: 1), backwards: false);
        var now = DyadRun.Run(video, new PoseOptions(LandmarkEvery: 2));

        // Then each lean is followed within the rule (r at most 0.01 lower, RMS at most 0.2° higher; measured on
        // these and three more designs: r −0.001 to +0.020, RMS −0.68° to +0.03°)
        foreach (var (who, lean) in new[] { (Participant.A, leanA), (Participant.B, leanB) })
        {
            var (was, fit) = (LeanFit.Of(before, who, lean), LeanFit.Of(now, who, lean));
            output.WriteLine($"{design}, {who}: before {was}; now {fit}");
            Assert.True(fit.Correlation >= was.Correlation - 0.01, $"{who}: r {fit.Correlation:0.000} against {was.Correlation:0.000} before");
            Assert.True(fit.RmsError <= was.RmsError + 0.2, $"{who}: RMS {fit.RmsError:0.00}° against {was.RmsError:0.00}° before");
        }
    }

    /// <summary>A lean of ±10° at most: four sines of random frequency (0.05–0.5 Hz), phase and weight.</summary>
    private static Func<double, double> SmoothRandomLean(Random random)
    {
        var parts = Enumerable.Range(0, 4).Select(_ => (Hz: 0.05 + 0.45 * random.NextDouble(), Phase: 2 * Math.PI * random.NextDouble(), Weight: random.NextDouble())).ToArray();
        var total = parts.Sum(p => p.Weight);
        return t => 10 * parts.Sum(p => p.Weight * Math.Sin(2 * Math.PI * p.Hz * t + p.Phase)) / total;
    }

    /// <summary>The constructed dyad video: the seated woman on the left, the seated man on the right, each leaning.</summary>
    private static string Write(string path, ConstructedDyadVideo dyad)
    {
        using var woman = SamplePhotos.Crop(SamplePhotos.SeatedWoman, 1);
        using var man = SamplePhotos.Crop(new Rect(355, 0, 150, 158), 1);
        dyad.Write(path, woman, man, LeanA, LeanB);
        return path;
    }

    /// <summary>
    /// Checks that the 10 s dyad's 300 frames each hold both people with the right identity, and that each shoulder line
    /// follows its person's lean (r ≥ 0.9, RMS ≤ 3°): the woman on the left leans by <see cref="LeanA"/>, the man on the
    /// right by <see cref="LeanB"/>, whoever they are. Returns the two fits.
    /// </summary>
    private static (SignalFit Left, SignalFit Right) FollowedLeans(List<PoseFrame> frames, Participant left, Participant right)
    {
        Assert.Equal(300, frames.Count);
        foreach (var frame in frames)
        {
            Assert.True(frame.Of(left) is { } l && l[Skeleton.Nose].X < 320, $"{frame.Time}: no {left} on the left");
            Assert.True(frame.Of(right) is { } r && r[Skeleton.Nose].X >= 320, $"{frame.Time}: no {right} on the right");
        }

        var leftFit = LeanFit.Of(frames, left, LeanA);
        var rightFit = LeanFit.Of(frames, right, LeanB);
        Assert.True(leftFit.Correlation >= 0.9 && leftFit.RmsError <= 3, $"left person: {leftFit}");
        Assert.True(rightFit.Correlation >= 0.9 && rightFit.RmsError <= 3, $"right person: {rightFit}");
        return (leftFit, rightFit);
    }

    [SkippableFact]
    public void Should_give_people_back_their_participant_after_each_is_hidden_for_a_moment()
    {
        // Given a 6 s dyad where the left person vanishes for 0.5 s, then the right one for 0.5 s, then both for 0.3 s
        using var folder = new TempFolder();
        var video = Write(folder.Combine("hidden.avi"),
            new ConstructedDyadVideo(Seconds: 6) { Hidden = [(true, 1.0, 1.5), (false, 2.5, 3.0), (true, 4.0, 4.3), (false, 4.0, 4.3)] });

        // When the pose pipeline reads it
        var frames = DyadRun.Run(video, new PoseOptions());

        // Then whenever a person is in view they carry the same participant as before: A left, B right
        bool Hidden(double t, bool left) => left ? (t >= 1.0 && t < 1.5) || (t >= 4.0 && t < 4.3) : (t >= 2.5 && t < 3.0) || (t >= 4.0 && t < 4.3);
        foreach (var frame in frames)
        {
            var t = frame.Time.Seconds;
            Assert.All(frame.People, p => Assert.True((p[Skeleton.Nose].X < 320 ? Participant.A : Participant.B) == p.Participant, $"{frame.Time}: {p.Participant} at x = {p[Skeleton.Nose].X:0}"));
            // A frame or two after reappearing may pass before the person is found again.
            if (!Hidden(t, true) && !Hidden(t - 0.1, true))
                Assert.True(frame.Of(Participant.A) is not null, $"{frame.Time}: A missing");
            if (!Hidden(t, false) && !Hidden(t - 0.1, false))
                Assert.True(frame.Of(Participant.B) is not null, $"{frame.Time}: B missing");
            if (Hidden(t, true) && Hidden(t - 1 / 30.0, true))
                Assert.Null(frame.Of(Participant.A));
        }
    }
}
