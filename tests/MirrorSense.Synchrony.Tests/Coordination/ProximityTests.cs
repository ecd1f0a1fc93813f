using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Mirroring;

namespace MirrorSense.Synchrony.Tests.Coordination;

public sealed class ProximityTests
{
    private const double Rate = 30;
    private static readonly ProximityOptions Options = new(Surrogates: 99);

    [Fact]
    public void B_leaning_towards_and_away_one_second_after_A_is_proximity_led_by_A_at_that_lag()
    {
        // Given three minutes in which B's lean towards A is 0.6 of A's towards B a second earlier, over B's own leaning
        var random = new Random(3);
        var towardsA = Lean(random, 180);
        var own = Lean(random, 180);
        var delay = (int)Rate;
        var towardsB = own.Select((v, i) => 0.8 * v + 0.6 * (i >= delay ? towardsA[i - delay] : 0)).ToArray();

        // When proximity is measured
        var measure = Measure(towardsA, towardsB);

        // Then it is beyond chance, A leads, and B follows about a second later
        Assert.Equal(MeasureNames.Proximity, measure.Name);
        Assert.True(measure.Significant, $"p = {measure.PValue}");
        Assert.Equal(Participant.A, measure.Leader);
        Assert.InRange(measure.BestLagSeconds, 0.8, 1.2);
    }

    [Fact]
    public void People_who_lean_each_on_their_own_are_rarely_called_approaching_together()
    {
        var significant = Enumerable.Range(100, 20).Count(seed =>
        {
            var random = new Random(seed);
            var seconds = 90 + random.Next(150);
            return Measure(Lean(random, seconds), Lean(random, seconds)).Significant;
        });

        Assert.True(significant <= 3, $"{significant} of 20 independent sessions significant");
    }

    [Fact]
    public void A_camera_that_rolls_under_two_independent_people_is_rarely_called_approaching_together()
    {
        // Given independent leans and a camera roll that tilts both people's sideways lean alike (strongly: 3° steps and sway)
        var significant = Enumerable.Range(300, 20).Count(seed =>
        {
            var random = new Random(seed);
            var seconds = 90 + random.Next(150);
            var roll = Roll(random, seconds);
            var sidewaysA = Lean(random, seconds).Select((v, i) => Proximity.TowardsPartner(Participant.A, v) + roll[i]).ToArray();
            var sidewaysB = Lean(random, seconds).Select((v, i) => Proximity.TowardsPartner(Participant.B, v) + roll[i]).ToArray();
            return new Proximity(Options).Compute(Series(sidewaysA, sidewaysB), Series(Missing(sidewaysA.Length), Missing(sidewaysA.Length)), null).Significant;
        });

        Assert.True(significant <= 3, $"{significant} of 20 rolled sessions significant");
    }

    [Fact]
    public void A_session_shorter_than_one_window_is_insufficient_data()
    {
        var random = new Random(4);

        Assert.Throws<InsufficientDataException>(() => Measure(Lean(random, 20), Lean(random, 20)));
    }

    [Fact]
    public void Leaning_towards_the_partner_is_towards_the_viewers_right_for_A_and_towards_the_viewers_left_for_B()
    {
        // A sits on the viewer's left; lean_sideways is positive towards the viewer's left.
        Assert.Equal(5, Proximity.TowardsPartner(Participant.A, -5));
        Assert.Equal(5, Proximity.TowardsPartner(Participant.B, 5));

        // Given A leaning 4° to the viewer's right and B 6° to the viewer's left (each towards the other), the distance closing
        var length = (int)(60 * Rate);
        var distance = Enumerable.Range(0, length).Select(i => 3 - 0.5 * i / Rate / 60).ToArray();
        var measure = new Proximity(Options).Compute(
            Series(Constant(length, -4), Constant(length, 6)), Series(Constant(length, 2), Missing(length)), Series(distance, distance));

        // Then both lean towards the partner, and the descriptive trend has them half a shoulder width closer per minute
        Assert.Equal(4, measure.Detail("towards_lean_a"), 6);
        Assert.Equal(6, measure.Detail("towards_lean_b"), 6);
        Assert.Equal(2, measure.Detail("forward_lean_a"), 6);
        Assert.True(double.IsNaN(measure.Detail("forward_lean_b")));
        Assert.Equal(-0.5, measure.Detail("distance_change_per_minute"), 3);
        Assert.Equal(-1, measure.Detail("distance_change_r"), 6);
        Assert.InRange(measure.Detail("partner_distance"), 2.7, 2.8);
    }

    [Fact]
    public void With_A_on_the_viewers_right_leaning_towards_the_partner_is_towards_the_viewers_left_for_A()
    {
        // With --swap A sits on the viewer's right, B on the left
        Assert.Equal(5, Proximity.TowardsPartner(Participant.A, 5, aSitsLeft: false));
        Assert.Equal(5, Proximity.TowardsPartner(Participant.B, -5, aSitsLeft: false));

        // Given A leaning 4° to the viewer's left and B 6° to the viewer's right (each towards the other)
        var length = (int)(60 * Rate);
        var measure = new Proximity(Options with { ASitsLeft = false }).Compute(
            Series(Constant(length, 4), Constant(length, -6)), Series(Missing(length), Missing(length)), null);

        // Then both lean towards the partner
        Assert.Equal(4, measure.Detail("towards_lean_a"), 6);
        Assert.Equal(6, measure.Detail("towards_lean_b"), 6);
    }

    [Fact]
    public void The_analysis_measures_proximity_from_the_posture_and_the_partner_distance()
    {
        var random = new Random(6);
        var length = (int)(120 * Rate);
        var sideways = Series(Lean(random, 120), Lean(random, 120));
        var schema = PostureDescriptor.Schema;
        var lean = schema.Components.ToList().FindIndex(c => c.Name == PostureDescriptor.LeanSideways);
        ImmutableArray<ImmutableArray<double>> Posture(ImmutableArray<double> side) =>
            [.. Enumerable.Range(0, schema.Count).Select(c => c == lean ? side : [.. Missing(length)])];
        var posture = new PostureSeries("posture", schema, Rate, Posture(sideways.A), Posture(sideways.B));
        var distance = Series(Constant(length, 2.5), Constant(length, 2.5));

        var report = new CoordinationAnalysis(new CoordinationSettings()).Analyse(new SessionSignals(MediaTime.Zero, sideways.Duration, posture, null, null, null, PartnerDistance: distance));

        var measure = Assert.Single(report.Measures, m => m.Name == MeasureNames.Proximity);
        Assert.Equal(2.5, measure.Detail("partner_distance"), 6);
        Assert.False(double.IsNaN(measure.Value));
    }

    private static CoordinationMeasure Measure(double[] towardsA, double[] towardsB)
    {
        var sideways = Series(
            [.. towardsA.Select(v => Proximity.TowardsPartner(Participant.A, v))],
            [.. towardsB.Select(v => Proximity.TowardsPartner(Participant.B, v))]);
        return new Proximity(Options).Compute(sideways, Series(Missing(towardsA.Length), Missing(towardsA.Length)), null);
    }

    private static DyadSeries Series(double[] a, double[] b) => new("lean", Rate, [.. a], [.. b]);

    private static double[] Constant(int length, double value) => Enumerable.Repeat(value, length).ToArray();

    private static double[] Missing(int length) => Constant(length, double.NaN);

    /// <summary>A lean that wanders over a few seconds (about 4° either way) around a course of its own, with tracker jitter.</summary>
    private static double[] Lean(Random random, double seconds)
    {
        var length = (int)(seconds * Rate);
        var values = new double[length];
        var keep = Math.Exp(-1 / (2.5 * Rate));
        var (state, drift, slope) = (0.0, 0.0, 0.05 * Gaussian(random));
        for (var i = 0; i < length; i++)
        {
            state = keep * state + 4 * Math.Sqrt(1 - keep * keep) * Gaussian(random);
            drift += slope / Rate;
            values[i] = state + drift + 0.5 * Gaussian(random);
        }

        return values;
    }

    /// <summary>A camera that sways by a degree or two and now and then settles 3° differently.</summary>
    private static double[] Roll(Random random, double seconds)
    {
        var length = (int)(seconds * Rate);
        var values = new double[length];
        var (phase, period, step) = (random.NextDouble() * 2 * Math.PI, 5 + 10 * random.NextDouble(), 0.0);
        for (var i = 0; i < length; i++)
        {
            if (random.NextDouble() < 1 / (20 * Rate))
                step = 3 * (random.NextDouble() - 0.5) * 2;
            values[i] = 1.5 * Math.Sin(phase + 2 * Math.PI * i / Rate / period) + step;
        }

        return values;
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
