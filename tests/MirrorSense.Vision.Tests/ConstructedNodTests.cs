using MirrorSense.Core;
using MirrorSense.Fixtures;
using MirrorSense.Synchrony.Features;
using MirrorSense.Testing;
using OpenCvSharp;
using Xunit.Abstractions;

namespace MirrorSense.Vision.Tests;

/// <summary>
/// Nods from video: two real seated people, each swaying slowly and now and then nodding (the head lowered and raised
/// relative to the torso, one to three times, at 1.5–3 nods a second), through the offline pose stage, the body
/// features, the grid and the head-movement detector. Issue 15 asks for recall ≥ 90 % with at most one false nod a
/// minute; the nose-point detector does not reach that yet (measured, two seeds: the woman 58–90 %, the man 20–30 %),
/// so these tests hold what it does reach against what offline runs did before the body's landmarks were also
/// smoothed backwards, and show what the landmark model on every second frame gives (60–83 % and 9–20 %).
/// </summary>
public sealed class ConstructedNodTests(ITestOutputHelper output)
{
    private const double Seconds = 60;

    /// <summary>A true nod: when it starts and ends.</summary>
    private sealed record Nod(double Start, double End);

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public void Offline_defaults_find_as_many_nods_as_forward_smoothing_alone_give_or_take_one_with_at_most_one_false_nod_a_minute(int seed)
    {
        // Given a minute of two people nodding at random moments (every 3–8 s) while they sway (±4°, 7 s and 9 s)
        var random = new Random(seed);
        var (nodsA, nodsB) = (Nods(random), Nods(random));
        using var folder = new TempFolder();
        var video = folder.Combine("nods.avi");
        using (var woman = SamplePhotos.Crop(SamplePhotos.SeatedWoman, 1))
        using (var man = SamplePhotos.Crop(new Rect(355, 0, 150, 158), 1))
        {
            new ConstructedDyadVideo(Seconds: Seconds) { LeftHeadDrop = Drop(nodsA.Shape), RightHeadDrop = Drop(nodsB.Shape) }
                .Write(video, woman, man, t => 4 * Math.Sin(2 * Math.PI * t / 7), t => 4 * Math.Sin(2 * Math.PI * t / 9 + 1));
        }

        // When the video goes through the pose stage, the body features, the grid and the detector: forward smoothing
        // only (as before), the offline defaults (landmarks smoothed both ways, the face's points forwards only), and
        // the landmark model on every second frame
        var before = Found(video, new PoseOptions(), backwards: false, nodsA.Nods, nodsB.Nods, "every frame, forward only");
        var now = Found(video, new PoseOptions(), backwards: true, nodsA.Nods, nodsB.Nods, "every frame, both ways (default)");
        Found(video, new PoseOptions(LandmarkEvery: 2), backwards: true, nodsA.Nods, nodsB.Nods, "every second frame, both ways");

        // Then the defaults find as many of the two people's nods as before, give or take one (a nod near the detector's
        // smallest swing is found or not by a hair: measured 12 and 11 of 21 against 11 and 10 of 22 before), with at
        // most one false nod a minute each
        var (foundNow, foundBefore) = (now.Values.Sum(v => v.Found), before.Values.Sum(v => v.Found));
        Assert.True(foundNow >= foundBefore - 1, $"{foundNow} nods found against {foundBefore} before");
        Assert.All(now, p => Assert.True(p.Value.False <= Seconds / 60, $"{p.Key}: {p.Value.False} false nods"));
    }

    private Dictionary<Participant, (int Found, int False)> Found(string video, PoseOptions options, bool backwards, List<Nod> nodsA, List<Nod> nodsB, string label)
    {
        var frames = DyadRun.Run(video, options, backwards);
        var series = FeatureSeries.Collect(FeatureGrid.Resample([.. BodyFeatures.Extract(frames)]), BodyFeatures.Schema);
        var found = HeadMovements.Detect(series).Where(m => m.Kind == HeadMovementKind.Nod).ToList();
        var result = new Dictionary<Participant, (int, int)>();
        foreach (var (who, truth) in new[] { (Participant.A, nodsA), (Participant.B, nodsB) })
        {
            var theirs = found.Where(m => m.Participant == who).ToList();
            bool Overlaps(HeadMovementEvent m, Nod n) => m.Start.Seconds <= n.End + 0.3 && m.End.Seconds >= n.Start - 0.3;
            var hits = truth.Count(n => theirs.Any(m => Overlaps(m, n)));
            var recall = hits / (double)truth.Count;
            var falseNods = theirs.Count(m => !truth.Any(n => Overlaps(m, n)));
            output.WriteLine($"{label}, {who}: {truth.Count} nods, {theirs.Count} found, recall {recall:P0}, {falseNods} false in {Seconds / 60:0} min");
            result[who] = (hits, falseNods);
        }

        return result;
    }

    /// <summary>
    /// Nods every 3–8 s: one to three dips and returns at 1.5–3 a second, the head lowered by 18–28 pixels of its panel
    /// (about a tenth of a shoulder width), and the drop as a function of time.
    /// </summary>
    private static (List<Nod> Nods, List<(double Start, double Hz, int Cycles, double Depth)> Shape) Nods(Random random)
    {
        var shape = new List<(double, double, int, double)>();
        var nods = new List<Nod>();
        for (var t = 1.5 + 2 * random.NextDouble(); t < Seconds - 2; t += 3 + 5 * random.NextDouble())
        {
            var (hz, cycles, depth) = (1.5 + 1.5 * random.NextDouble(), 1 + random.Next(3), 18 + 10 * random.NextDouble());
            shape.Add((t, hz, cycles, depth));
            nods.Add(new Nod(t, t + cycles / hz));
        }

        return (nods, shape);
    }

    private static Func<double, double> Drop(List<(double Start, double Hz, int Cycles, double Depth)> nods) => t =>
    {
        foreach (var (start, hz, cycles, depth) in nods)
        {
            if (t >= start && t < start + cycles / hz)
                return depth * (1 - Math.Cos(2 * Math.PI * hz * (t - start))) / 2;
        }

        return 0;
    };
}
