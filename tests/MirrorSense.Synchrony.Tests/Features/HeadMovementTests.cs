using System.Reactive.Linq;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Features.Face;

namespace MirrorSense.Synchrony.Tests.Features;

public sealed class HeadMovementTests
{
    private const double Rate = 30;
    private static readonly FeatureGridOptions Grid = new(SampleRate: Rate);

    /// <summary>A head position signal: slow postural sway, landmark jitter, and an oscillation between two times.</summary>
    private static double[] Signal(double seconds, int seed, double jitter, double frequency = 1, double amplitude = 0, double from = 0, double to = 0)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, (int)(seconds * Rate)).Select(k =>
        {
            var t = k / Rate;
            var sway = 0.3 * Math.Sin(2 * Math.PI * 0.07 * t);
            var oscillation = t >= from && t < to ? amplitude * Math.Sin(2 * Math.PI * frequency * (t - from)) : 0;
            return sway + oscillation + jitter * Gaussian(random);
        })];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void A_one_hertz_vertical_oscillation_is_one_nod_at_its_own_times()
    {
        // Given a head bobbing 0.12 shoulder widths at 1 Hz from 4 s to 8 s, with jitter, in 12 s of sway
        var signal = Signal(12, seed: 1, jitter: 0.005, frequency: 1, amplitude: 0.12, from: 4, to: 8);

        var events = HeadMovements.Detect(signal, Grid, Participant.A, HeadMovementKind.Nod);

        // Then there is one nod, starting and ending within a fifth of a cycle of the oscillation, about 4 cycles long
        var nod = Assert.Single(events);
        Assert.Equal(HeadMovementKind.Nod, nod.Kind);
        Assert.Equal(Participant.A, nod.Participant);
        Assert.InRange(nod.Start.Seconds, 3.8, 4.2);
        Assert.InRange(nod.End.Seconds, 7.8, 8.2);
        Assert.InRange(nod.Cycles, 3.5, 4.5);
        Assert.InRange(nod.Amplitude, 0.09, 0.15);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.5)]
    public void Oscillations_outside_the_cycle_range_are_not_nods(double frequency)
    {
        // 0.5 Hz is a 2 s cycle (posture), 2.5 Hz a 0.4 s cycle (inside): only the first must be rejected
        var signal = Signal(14, seed: 2, jitter: 0.003, frequency: frequency, amplitude: 0.12, from: 3, to: 11);

        var events = HeadMovements.Detect(signal, Grid, Participant.B, HeadMovementKind.Nod);

        if (frequency < 1 / 1.5)
            Assert.Empty(events);
        else
            Assert.Single(events);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Landmark_jitter_and_sway_alone_make_no_nods(int seed)
    {
        var signal = Signal(60, seed, jitter: 0.01);

        Assert.Empty(HeadMovements.Detect(signal, Grid, Participant.A, HeadMovementKind.Nod));
    }

    [Fact]
    public void A_wobble_of_six_hundredths_of_a_shoulder_width_is_jitter_not_a_nod()
    {
        // Given one 0.4 s wobble of 0.064 shoulder widths, the largest a still head's landmarks have shown
        var signal = Enumerable.Range(0, 150).Select(k => k / Rate is var t && t >= 2 && t < 2.4 ? -0.064 * Math.Sin(Math.PI * (t - 2) / 0.4) : 0).ToArray();

        Assert.Empty(HeadMovements.Detect(signal, Grid, Participant.A, HeadMovementKind.Nod));
    }

    [Fact]
    public void A_single_nod_down_and_back_up_is_one_cycle()
    {
        // Given one 0.8 s dip of the head in a still signal
        var signal = Enumerable.Range(0, 150).Select(k => k / Rate is var t && t >= 2 && t < 2.8 ? -0.1 * Math.Sin(Math.PI * (t - 2) / 0.8) : 0).ToArray();

        var nod = Assert.Single(HeadMovements.Detect(signal, Grid, Participant.A, HeadMovementKind.Nod));

        Assert.Equal(1, nod.Cycles);
        Assert.InRange(nod.Start.Seconds, 1.8, 2.2);
        Assert.InRange(nod.End.Seconds, 2.6, 3.0);
    }

    [Fact]
    public void A_nod_after_a_rest_whose_highest_point_came_early_in_it_is_still_one_cycle()
    {
        // Given a resting head whose highest point (a twitch smaller than the resting band) comes two thirds of a second
        // before it dips once
        var signal = Enumerable.Range(0, 240).Select(k => k / Rate is var t && t >= 4 && t < 4.6 ? -0.1 * Math.Sin(Math.PI * (t - 4) / 0.6)
            : t >= 3.33 && t < 3.4 ? 0.015 : 0).ToArray();

        var nod = Assert.Single(HeadMovements.Detect(signal, Grid, Participant.A, HeadMovementKind.Nod));

        // Then the rest the head left still starts the nod
        Assert.Equal(1, nod.Cycles);
        Assert.InRange(nod.Start.Seconds, 3.8, 4.1);
    }

    [Fact]
    public void A_missing_stretch_splits_an_oscillation()
    {
        var signal = Signal(14, seed: 6, jitter: 0.003, frequency: 1, amplitude: 0.12, from: 2, to: 12);
        for (var k = (int)(6.6 * Rate); k < (int)(7.4 * Rate); k++)
            signal[k] = double.NaN;

        var events = HeadMovements.Detect(signal, Grid, Participant.A, HeadMovementKind.Nod);

        Assert.Equal(2, events.Count);
        Assert.True(events[0].End.Seconds < 6.6 && events[1].Start.Seconds >= 7.4, string.Join("; ", events));
    }

    [Fact]
    public void Streamed_grid_samples_give_the_same_nods_and_shakes_as_the_whole_session()
    {
        // Given body-feature grid samples where A nods (head_y) and B shakes (head_x)
        var nodding = Signal(20, seed: 7, jitter: 0.004, frequency: 1.2, amplitude: 0.1, from: 3, to: 7);
        var shaking = Signal(20, seed: 8, jitter: 0.004, frequency: 0.9, amplitude: 0.1, from: 10, to: 15);
        var still = Signal(20, seed: 9, jitter: 0.004);
        var (x, y, n) = (BodyFeatures.IndexOf(BodyFeatures.HeadX), BodyFeatures.IndexOf(BodyFeatures.HeadY), BodyFeatures.Names.Length);
        var samples = Enumerable.Range(0, nodding.Length).Select(k =>
        {
            var a = new double[n];
            var b = new double[n];
            (a[x], a[y], b[x], b[y]) = (still[k], nodding[k], shaking[k], still[k]);
            return new FeatureSample(Grid.TimeOf(k), k, BodyFeatures.Schema, [.. a], [.. b]);
        }).ToList();

        var batch = HeadMovements.Detect(FeatureSeries.Collect(samples, BodyFeatures.Schema, Grid));
        var streamed = samples.ToObservable().DetectHeadMovements(grid: Grid).ToList().Wait();

        Assert.Equal(2, batch.Count);
        Assert.Equal((Participant.A, HeadMovementKind.Nod), (batch[0].Participant, batch[0].Kind));
        Assert.Equal((Participant.B, HeadMovementKind.Shake), (batch[1].Participant, batch[1].Kind));
        Assert.Equal(batch.ToHashSet(), streamed.ToHashSet());
    }

    [Fact]
    public void A_session_with_faces_takes_nods_from_head_pitch_where_the_face_was_read_and_from_the_nose_where_it_was_not()
    {
        // Given 20 s in which A's face is read throughout: its pitch nods 10° at 3–6 s, while its nose point (fooled,
        // say, by a shrug) also bobs at 12–15 s; and B's face is never read, its nose point nodding at 8–11 s
        var schema = new FeatureSchema([BodyFeatures.HeadX, BodyFeatures.HeadY, FaceFeatures.HeadPitch, FaceFeatures.HeadYaw]);
        var pitchA = Signal(20, seed: 1, jitter: 0.3, frequency: 1.2, amplitude: -10, from: 3, to: 6);
        var yawA = Signal(20, seed: 2, jitter: 0.3);
        var noseA = Signal(20, seed: 3, jitter: 0.004, frequency: 1.2, amplitude: 0.1, from: 12, to: 15);
        var noseB = Signal(20, seed: 4, jitter: 0.004, frequency: 1.2, amplitude: 0.1, from: 8, to: 11);
        var still = Signal(20, seed: 5, jitter: 0.004);
        var samples = Enumerable.Range(0, pitchA.Length).Select(k => new FeatureSample(Grid.TimeOf(k), k, schema,
            [still[k], noseA[k], pitchA[k], yawA[k]], [still[k], noseB[k], double.NaN, double.NaN])).ToList();

        // When the session's head movements are found
        var movements = HeadMovements.OfSession(FeatureSeries.Collect(samples, schema, Grid));

        // Then A nods once, read from the head's pitch in degrees, B once, from the nose point, and A's bobbing nose is not a nod
        Assert.Equal(2, movements.Count);
        var (a, b) = (movements.Single(m => m.Participant == Participant.A), movements.Single(m => m.Participant == Participant.B));
        Assert.Equal((HeadMovementKind.Nod, HeadSignal.HeadAngles), (a.Kind, a.From));
        Assert.InRange(a.Start.Seconds, 2.8, 4);
        Assert.InRange(a.Amplitude, 8, 12);
        Assert.Equal((HeadMovementKind.Nod, HeadSignal.NosePosition), (b.Kind, b.From));
        Assert.InRange(b.Start.Seconds, 7.8, 9);
    }

    [Fact]
    public void A_session_without_faces_takes_every_nod_from_the_nose_point()
    {
        var nodding = Signal(10, seed: 7, jitter: 0.004, frequency: 1.2, amplitude: 0.1, from: 3, to: 6);
        var still = Signal(10, seed: 8, jitter: 0.004);
        var (x, y, n) = (BodyFeatures.IndexOf(BodyFeatures.HeadX), BodyFeatures.IndexOf(BodyFeatures.HeadY), BodyFeatures.Names.Length);
        var samples = Enumerable.Range(0, nodding.Length).Select(k =>
        {
            var (a, b) = (new double[n], new double[n]);
            (a[x], a[y], b[x], b[y]) = (still[k], nodding[k], still[k], still[k]);
            return new FeatureSample(Grid.TimeOf(k), k, BodyFeatures.Schema, [.. a], [.. b]);
        }).ToList();
        var series = FeatureSeries.Collect(samples, BodyFeatures.Schema, Grid);

        Assert.Equal(HeadMovements.Detect(series), HeadMovements.OfSession(series));
        Assert.All(HeadMovements.OfSession(series), m => Assert.Equal(HeadSignal.NosePosition, m.From));
    }
}
