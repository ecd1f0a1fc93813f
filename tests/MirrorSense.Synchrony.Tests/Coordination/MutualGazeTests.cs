using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.CrossCorrelation;

namespace MirrorSense.Synchrony.Tests.Coordination;

public sealed class MutualGazeTests
{
    private const double Rate = 30;
    private static readonly MutualGazeOptions Options = new(Surrogates: 99);

    [Fact]
    public void B_looking_back_whenever_A_looks_up_is_mutual_gaze_beyond_chance()
    {
        // Given three minutes in which B answers 80 % of A's looks half a second later and holds them as long as A does
        var random = new Random(1);
        var a = Bouts(random, 180, look: 3, away: 2);
        var b = Bouts(random, 180, look: 2, away: 3);
        for (var i = 1; i < a.Length; i++)
        {
            if (a[i] != 1 || a[i - 1] != 0 || random.NextDouble() >= 0.8)
                continue;
            for (var j = i + (int)(0.5 * Rate); j < a.Length && a[j - (int)(0.5 * Rate)] == 1; j++)
                b[j] = 1;
        }

        // When mutual gaze is measured
        var measure = new MutualGaze(Options).Compute(Looking(a, b));

        // Then they meet each other's eyes more than their looking shares give by chance, beyond chance
        Assert.Equal(MeasureNames.MutualGaze, measure.Name);
        Assert.True(measure.Significant, $"p = {measure.PValue}");
        Assert.True(measure.Value > measure.Detail("chance_share") + 0.05, $"mutual {measure.Value:0.00}, chance {measure.Detail("chance_share"):0.00}");
        Assert.Null(measure.Leader);
    }

    [Fact]
    public void People_who_look_up_each_on_their_own_rarely_meet_each_others_eyes_beyond_chance()
    {
        var significant = Enumerable.Range(100, 20).Count(seed =>
        {
            var random = new Random(seed);
            var seconds = 60 + random.Next(240);
            var looking = Looking(Bouts(random, seconds, 1 + 5 * random.NextDouble(), 0.5 + 3 * random.NextDouble()), Bouts(random, seconds, 1 + 5 * random.NextDouble(), 0.5 + 3 * random.NextDouble()));
            return new MutualGaze(Options).Compute(looking).Significant;
        });

        Assert.True(significant <= 3, $"{significant} of 20 independent sessions significant");
    }

    [Fact]
    public void Both_looking_more_in_engaged_stretches_is_not_seeking_each_others_eyes()
    {
        // Given two people who each look four times as long in the engaged half-minutes as in the others, at their own moments
        var significant = Enumerable.Range(200, 10).Count(seed =>
        {
            var random = new Random(seed);
            static bool Engaged(double t) => (int)(t / 30) % 2 == 0;
            var looking = Looking(Bouts(random, 300, 2, 2, Engaged), Bouts(random, 300, 2, 2, Engaged));
            return new MutualGaze(Options).Compute(looking).Significant;
        });

        Assert.True(significant <= 2, $"{significant} of 10 sessions significant");
    }

    [Fact]
    public void Looking_while_listening_and_looking_away_at_turn_starts_are_read_per_person()
    {
        // Given 4 s turns, A first; A looks at B except in the first second of A's own turns, B looks at A only while listening
        var units = (A: new List<SpeechUnit>(), B: new List<SpeechUnit>());
        var (a, b) = (new double[(int)(120 * Rate)], new double[(int)(120 * Rate)]);
        for (var turn = 0; turn < 30; turn++)
        {
            var speaker = turn % 2 == 0 ? Participant.A : Participant.B;
            (speaker == Participant.A ? units.A : units.B).Add(SpeechUnit.Unmeasured(speaker, MediaTime.FromSeconds(4 * turn + 0.1), MediaTime.FromSeconds(4 * turn + 3.9)));
            for (var i = (int)(4 * turn * Rate); i < (int)(4 * (turn + 1) * Rate); i++)
            {
                var within = i / Rate - 4 * turn;
                a[i] = speaker == Participant.A && within < 1.1 ? 0 : 1;
                b[i] = speaker == Participant.A ? 1 : 0;
            }
        }

        // When mutual gaze is measured with the voices
        var measure = new MutualGaze(Options).Compute(Looking(a, b), MediaTime.Zero,
            new SpeakerVoice(Participant.A, [], [.. units.A]), new SpeakerVoice(Participant.B, [], [.. units.B]));

        // Then both look at the partner all the time they listen, B never while speaking, and A looks away as A takes the turn
        Assert.Equal(1, measure.Detail("looking_share_a_listening"), 2);
        Assert.Equal(1, measure.Detail("looking_share_b_listening"), 2);
        Assert.Equal(0, measure.Detail("looking_share_b_speaking"), 2);
        Assert.InRange(measure.Detail("looking_share_a_speaking"), 0.65, 0.8);
        Assert.Equal(14, measure.Detail("turn_starts_a"));
        Assert.Equal(1, measure.Detail("looking_away_at_turn_start_a"), 2);
        Assert.Equal(1, measure.Detail("looking_away_at_turn_start_b"), 2);
    }

    [Fact]
    public void A_session_shorter_than_one_window_is_insufficient_data()
    {
        var random = new Random(4);

        Assert.Throws<InsufficientDataException>(() => new MutualGaze(Options).Compute(Looking(Bouts(random, 20, 2, 2), Bouts(random, 20, 2, 2))));
    }

    private static DyadSeries Looking(double[] a, double[] b) => new("looking_at_partner", Rate, [.. a], [.. b]);

    /// <summary>1 while looking, 0 while away, in bouts of exponential lengths; looks four times as long where <paramref name="engaged"/> says so.</summary>
    private static double[] Bouts(Random random, double seconds, double look, double away, Func<double, bool>? engaged = null)
    {
        var values = new double[(int)(seconds * Rate)];
        var looking = random.NextDouble() < 0.5;
        for (var t = 0.0; t < seconds; looking = !looking)
        {
            var mean = looking ? look * (engaged?.Invoke(t) == true ? 2 : engaged is null ? 1 : 0.5) : away;
            var bout = -mean * Math.Log(1 - random.NextDouble());
            for (var i = (int)(t * Rate); i < Math.Min(values.Length, (int)((t + bout) * Rate)); i++)
                values[i] = looking ? 1 : 0;
            t += bout;
        }

        return values;
    }
}
