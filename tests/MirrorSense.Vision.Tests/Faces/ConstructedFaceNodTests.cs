using MirrorSense.Core;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Features.Face;
using Xunit.Abstractions;

namespace MirrorSense.Vision.Tests.Faces;

/// <summary>
/// Nods read from the face (issue 14: nods from head pitch where a face is visible): a real face tipped forward and
/// back about the neck (<see cref="HeadTurnWarp"/>) one to three times at 1.5–3 nods a second, 8–15° deep, every
/// 3–8 s, while the head also drifts slowly up and down, through pose, the face stage, the face features and the
/// nod detector on head pitch. Issue 15 asks for recall ≥ 90 % with at most one false nod a minute.
/// </summary>
public sealed class ConstructedFaceNodTests(ITestOutputHelper output)
{
    private const double Seconds = 60;

    private sealed record Nod(double Start, double Hz, int Cycles, double Depth)
    {
        public double End => Start + Cycles / Hz;

        public double At(double t) => t >= Start && t < End ? Depth * (1 - Math.Cos(2 * Math.PI * Hz * (t - Start))) / 2 : 0;
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public void Nods_read_from_head_pitch_are_found_with_high_recall_and_at_most_one_false_nod_a_minute(int seed)
    {
        // Given a minute of a real face nodding at random moments while its head drifts ±3° over 7 s
        var random = new Random(seed);
        var nods = new List<Nod>();
        for (var t = 1.5 + 2 * random.NextDouble(); t < Seconds - 2; t += 3 + 5 * random.NextDouble())
            nods.Add(new Nod(t, 1.5 + 1.5 * random.NextDouble(), 1 + random.Next(3), 8 + 7 * random.NextDouble()));
        double Tip(double t) => 3 * Math.Sin(2 * Math.PI * t / 7) + nods.Sum(n => n.At(t));
        using var portrait = FaceClip.Portrait();
        var warp = new HeadTurnWarp(FaceClip.MeshOf(portrait), portrait.Size());

        // When every frame goes through pose, the face stage and the face features, and head pitch through the nod detector
        var (frames, faces) = FaceClip.Run((int)(Seconds * FaceClip.FramesPerSecond), t => warp.Apply(portrait, Tip(t)));
        var found = HeadMovements.Detect([.. frames.Select(f => f[FaceFeatures.HeadPitch])], FeatureGridOptions.Default, Participant.A, HeadMovementKind.Nod, HeadMovements.AngleOptions);

        // Then at least nine in ten nods are found, with at most one false nod in the minute
        bool Overlaps(HeadMovementEvent m, Nod n) => m.Start.Seconds <= n.End + 0.3 && m.End.Seconds >= n.Start - 0.3;
        var hits = nods.Count(n => found.Any(m => Overlaps(m, n)));
        var falseNods = found.Count(m => !nods.Any(n => Overlaps(m, n)));
        output.WriteLine($"seed {seed}: {nods.Count} nods, {found.Count} found, recall {hits / (double)nods.Count:P0}, {falseNods} false; faces missing {faces.MissingA}");
        Assert.True(hits >= 0.9 * nods.Count, $"{hits} of {nods.Count} nods found");
        Assert.True(falseNods <= Seconds / 60, $"{falseNods} false nods");
    }
}
