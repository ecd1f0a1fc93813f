using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Synchrony.Tests.Coordination;

public sealed class NodReciprocityTests
{
    private static readonly NodReciprocityOptions Options = new(Surrogates: 99);
    private static readonly TimeSpan Session = TimeSpan.FromMinutes(3);

    [Fact]
    public void B_nodding_back_after_As_nods_is_nod_reciprocity_led_by_A()
    {
        // Given A nodding about six times a minute and B nodding back 0.3–1.5 s after seven of ten of them, besides B's own nods
        var random = new Random(1);
        var a = Nods(random, perMinute: 6);
        var b = Nods(random, perMinute: 3).Concat(a.Where(_ => random.NextDouble() < 0.7).Select(t => t + 0.3 + 1.2 * random.NextDouble())).Order().ToArray();

        // When nod reciprocity is measured
        var measure = new NodReciprocity(Options).Compute(Movements(a, b), MediaTime.Zero, Session);

        // Then it is beyond chance, A is the one answered, and most of A's nods were answered
        Assert.Equal(MeasureNames.NodReciprocity, measure.Name);
        Assert.True(measure.Significant, $"p = {measure.PValue}");
        Assert.Equal(Participant.A, measure.Leader);
        Assert.True(measure.Value >= 0.6, $"B answers {measure.Value:0.00} of A's nods");
    }

    [Fact]
    public void People_who_nod_each_on_their_own_rarely_reciprocate_beyond_chance()
    {
        var significant = Enumerable.Range(100, 20).Count(seed =>
        {
            var random = new Random(seed);
            return new NodReciprocity(Options).Compute(Movements(Nods(random, 2 + 8 * random.NextDouble()), Nods(random, 2 + 8 * random.NextDouble())), MediaTime.Zero, Session).Significant;
        });

        Assert.True(significant <= 3, $"{significant} of 20 independent sessions significant");
    }

    [Fact]
    public void Both_nodding_more_in_lively_stretches_is_not_answering_each_others_nods()
    {
        // Given two people who each nod 15 times a minute in the lively 20 s stretches and once a minute in the others, at their own moments
        var significant = Enumerable.Range(300, 30).Count(seed =>
        {
            var random = new Random(seed);
            static double Rate(double t) => (int)(t / 20) % 2 == 0 ? 15 : 1;
            return new NodReciprocity(Options).Compute(Movements(Nods(random, Rate), Nods(random, Rate)), MediaTime.Zero, Session).Significant;
        });

        Assert.True(significant <= 4, $"{significant} of 30 sessions with a shared mood significant");
    }

    [Fact]
    public void Nods_while_the_partner_speaks_are_backchannel_nods_beyond_chance()
    {
        // Given 4 s turns, A first, and A nodding twice in each of B's turns and never in A's own
        var random = new Random(2);
        var units = (A: new List<SpeechUnit>(), B: new List<SpeechUnit>());
        var nodsA = new List<double>();
        for (var turn = 0; turn < Session.TotalSeconds / 4; turn++)
        {
            var speaker = turn % 2 == 0 ? Participant.A : Participant.B;
            (speaker == Participant.A ? units.A : units.B).Add(SpeechUnit.Unmeasured(speaker, MediaTime.FromSeconds(4 * turn + 0.1), MediaTime.FromSeconds(4 * turn + 3.9)));
            if (speaker == Participant.B)
                nodsA.AddRange([4 * turn + 0.5 + random.NextDouble(), 4 * turn + 2 + random.NextDouble()]);
        }

        // When nod reciprocity is measured with the voices
        var measure = new NodReciprocity(Options).Compute(Movements([.. nodsA], Nods(random, 3)), MediaTime.Zero, Session,
            new SpeakerVoice(Participant.A, [], [.. units.A]), new SpeakerVoice(Participant.B, [], [.. units.B]));

        // Then A nods about 30 times per minute of B's speech, far beyond chance
        Assert.InRange(measure.Detail("backchannel_nods_a_per_min"), 28, 34);
        Assert.True(measure.Detail("backchannel_nods_a_p") < 0.05, $"p = {measure.Detail("backchannel_nods_a_p")}");
    }

    [Fact]
    public void A_session_shorter_than_the_minimum_is_insufficient_data()
    {
        Assert.Throws<InsufficientDataException>(() => new NodReciprocity(Options).Compute(Movements([1, 5], [2, 6]), MediaTime.Zero, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void A_session_in_which_nobody_nodded_leaves_nod_reciprocity_missing_with_the_reason()
    {
        var random = new Random(5);
        var still = new DyadSeries("smile", 30, [.. Enumerable.Repeat(0.0, 1800)], [.. Enumerable.Range(0, 1800).Select(_ => random.NextDouble())]);

        var report = new CoordinationAnalysis(new CoordinationSettings()).Analyse(
            new SessionSignals(MediaTime.Zero, still.Duration, null, null, null, null, new FaceSignals(still, still, [])));

        Assert.Contains(report.Missing, m => m.Name == MeasureNames.NodReciprocity && m.Reason.Contains("nobody nodded", StringComparison.Ordinal));
    }

    private static double[] Nods(Random random, double perMinute) => Nods(random, _ => perMinute);

    /// <summary>Nods at a rate that may change over the session (thinned from the highest rate), at least a second apart as real nods are.</summary>
    private static double[] Nods(Random random, Func<double, double> perMinute)
    {
        var highest = Enumerable.Range(0, (int)Session.TotalSeconds).Max(t => perMinute(t));
        var nods = new List<double>();
        for (var t = -60 / highest * Math.Log(1 - random.NextDouble()); t < Session.TotalSeconds - 2; t += -60 / highest * Math.Log(1 - random.NextDouble()))
        {
            if (random.NextDouble() < perMinute(t) / highest && (nods.Count == 0 || t - nods[^1] >= 1))
                nods.Add(t);
        }

        return [.. nods];
    }

    private static HeadMovementEvent[] Movements(double[] a, double[] b) =>
    [
        .. a.Select(t => new HeadMovementEvent(MediaTime.FromSeconds(t), MediaTime.FromSeconds(t + 0.6), Participant.A, HeadMovementKind.Nod, 1, 0.1)),
        .. b.Select(t => new HeadMovementEvent(MediaTime.FromSeconds(t), MediaTime.FromSeconds(t + 0.6), Participant.B, HeadMovementKind.Nod, 1, 0.1)),
        // A shake is not a nod and answers nothing.
        new HeadMovementEvent(MediaTime.FromSeconds(10), MediaTime.FromSeconds(11), Participant.B, HeadMovementKind.Shake, 1, 0.1),
    ];
}
