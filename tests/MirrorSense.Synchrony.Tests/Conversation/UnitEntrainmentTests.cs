using MirrorSense.Core;
using MirrorSense.Synchrony.Conversation;

namespace MirrorSense.Synchrony.Tests.Conversation;

public sealed class UnitEntrainmentTests
{
    private static readonly UnitEntrainment Analysis = new(permutations: 999, seed: 1);

    [Fact]
    public void B_drifting_toward_As_pitch_is_convergence_with_a_negative_trend()
    {
        // A stays near 10 semitones; B starts 8 semitones away and closes the gap over 60 turns
        var random = new Random(1);
        var units = Alternate(60, (speaker, i) => speaker == Participant.A
            ? 10 + Noise(random, 0.5)
            : 2 + 8.0 * i / 60 + Noise(random, 0.5));

        var result = Analysis.Analyse(units, Pitch);

        // The null rotates B's units against A's, so 59 pairs allow no p below about 1/59.
        Assert.True(result.Convergence.Value < -0.5, $"r = {result.Convergence.Value}");
        Assert.True(result.Convergence.PValue < 0.04, $"p = {result.Convergence.PValue}");
    }

    [Fact]
    public void B_diverging_from_A_is_not_convergence()
    {
        var random = new Random(2);
        var units = Alternate(60, (speaker, i) => speaker == Participant.A ? 10 + Noise(random, 0.5) : 10 - 8.0 * i / 60 + Noise(random, 0.5));

        var result = Analysis.Analyse(units, Pitch);

        Assert.True(result.Convergence.Value > 0.5);
        Assert.True(result.Convergence.PValue > 0.5);
    }

    [Fact]
    public void B_answering_each_of_As_units_at_its_level_is_synchrony()
    {
        // A's level jumps about from unit to unit; B's next unit follows it
        var random = new Random(3);
        var last = 0.0;
        var units = Alternate(80, (speaker, _) => speaker == Participant.A ? last = random.NextDouble() * 10 : last + Noise(random, 1));

        var result = Analysis.Analyse(units, Pitch);

        // Only A→B pairs are coupled (A starts afresh after B), so about half the adjacent pairs carry it.
        Assert.True(result.Synchrony.Value > 0.4, $"r = {result.Synchrony.Value}");
        Assert.True(result.Synchrony.PValue < 0.01);
        Assert.True(result.Proximity.Value > 0, $"proximity {result.Proximity.Value}");
        Assert.True(result.Proximity.PValue < 0.01);
    }

    [Fact]
    public void Speakers_that_ignore_each_other_show_no_synchrony()
    {
        var random = new Random(4);
        var units = Alternate(80, (_, _) => random.NextDouble() * 10);

        var result = Analysis.Analyse(units, Pitch);

        Assert.True(result.Synchrony.PValue > 0.05, $"p = {result.Synchrony.PValue}");
        Assert.True(result.Proximity.PValue > 0.05, $"p = {result.Proximity.PValue}");
    }

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    public void Only_the_answering_direction_carries_synchrony_and_the_speaker_answered_is_the_leader(string leader)
    {
        // The leader's level jumps about; the other's next unit meets it, and the leader ignores the other
        var leading = leader == "A" ? Participant.A : Participant.B;
        var random = new Random(5);
        var last = 0.0;
        var units = Alternate(120, (speaker, _) => speaker == leading ? last = random.NextDouble() * 10 : last + Noise(random, 1.5), first: leading);

        var result = Analysis.Analyse(units, Pitch);

        var (answering, ignoring) = leading == Participant.A
            ? (result.Synchrony.BFollowsA, result.Synchrony.AFollowsB)
            : (result.Synchrony.AFollowsB, result.Synchrony.BFollowsA);
        Assert.True(answering > 0.7, $"answering r = {answering}");
        Assert.True(Math.Abs(ignoring) < 0.3, $"ignoring r = {ignoring}");
        Assert.True(result.Synchrony.PValue < 0.01, $"p = {result.Synchrony.PValue}");
        Assert.Equal(leading, result.Synchrony.Leader);
    }

    [Fact]
    public void Speakers_who_each_wander_on_their_own_are_called_converging_or_synchronous_at_about_the_nominal_rate()
    {
        // 300 conversations of 2–4 minutes, turns of one to four units, each speaker's level wandering on its own
        // (an AR(1) course over their units) plus unit noise. Their difference wanders too; tested against shuffled
        // differences, 38 of these 300 came out converging. Neighbouring units are alike, so answers shuffled on
        // the departures alone came out synchronous in 23.
        var results = Enumerable.Range(0, 300).Select(seed => new UnitEntrainment(permutations: 199, seed: seed).Analyse(WanderingConversation(new Random(seed), 0.92), Pitch)).ToArray();
        var converging = results.Count(r => r.Convergence.PValue < 0.05);
        var synchronous = results.Count(r => r.Synchrony.PValue < 0.05);

        // Binomial at 5 % of 300: above 25 (8.3 %) happens by chance less than once in a thousand runs.
        Assert.True(converging <= 25, $"{converging} of 300 converging");
        Assert.True(synchronous <= 25, $"{synchronous} of 300 synchronous");
    }

    [Fact]
    public void Speakers_who_ignore_each_other_are_called_synchronous_at_about_the_nominal_rate()
    {
        var synchronous = Enumerable.Range(0, 300).Count(seed => new UnitEntrainment(permutations: 199, seed: seed).Analyse(WanderingConversation(new Random(seed), 0), Pitch).Synchrony.PValue < 0.05);

        Assert.True(synchronous <= 25, $"{synchronous} of 300 synchronous");
    }

    [Fact]
    public void Speakers_taking_long_turns_are_called_synchronous_at_about_the_nominal_rate()
    {
        // 600 conversations of 3–6 minutes in turns of 4–12 s, each turn at a level of its own: a speaker's course
        // through the few turns of a minute, once taken off, leaves neighbouring turns related, and both speakers
        // alike; shuffling what was left called 45 of these synchronous (7.5 %)
        var synchronous = Enumerable.Range(0, 600).Count(seed => new UnitEntrainment(permutations: 199, seed: seed).Analyse(LongTurns(new Random(seed)), Pitch).Synchrony.PValue < 0.05);

        // Binomial at 5 % of 600: above 40 happens by chance in fewer than 3 runs in 100.
        Assert.True(synchronous <= 40, $"{synchronous} of 600 synchronous");
    }

    /// <summary>Alternating one-unit turns of 4–12 s, each at its own level.</summary>
    private static List<SpeechUnit> LongTurns(Random random)
    {
        var units = new List<SpeechUnit>();
        var seconds = 0.0;
        var end = 180 + 180 * random.NextDouble();
        var speaker = Participant.A;
        while (seconds < end)
        {
            var length = 4 + 8 * random.NextDouble();
            units.Add(new SpeechUnit(speaker, MediaTime.FromSeconds(seconds), MediaTime.FromSeconds(seconds + length), 10 + Noise(random, 3), 60, 4));
            seconds += length + 0.5 + random.NextDouble();
            speaker = speaker == Participant.A ? Participant.B : Participant.A;
        }

        return units;
    }

    [Fact]
    public void A_speaker_answering_the_level_of_the_partners_last_turn_is_synchrony_however_many_units_each_turn_has()
    {
        // 20 conversations of 2–4 minutes, turns of two to four units, B's turn at 0.6 of A's last plus its own;
        // taken unit by unit (the last unit of a turn against the first of the answer) it was found in 16
        var answered = Enumerable.Range(0, 20).Count(seed => new UnitEntrainment(permutations: 199, seed: seed).Analyse(TurnLevelConversation(new Random(seed), answer: 0.6), Pitch).Synchrony is { PValue: < 0.05, Leader: Participant.A });

        Assert.True(answered >= 17, $"{answered} of 20 found");
    }

    /// <summary>Turns of two to four units at the turn's level (plus a little unit noise); B's turn level is <paramref name="answer"/> of A's last plus its own.</summary>
    private static List<SpeechUnit> TurnLevelConversation(Random random, double answer)
    {
        var units = new List<SpeechUnit>();
        var seconds = 0.0;
        var end = 120 + 120 * random.NextDouble();
        var speaker = Participant.A;
        var lastA = 0.0;
        while (seconds < end)
        {
            var level = Noise(random, 3);
            if (speaker == Participant.B)
                level = answer * lastA + 0.5 * level;
            else
                lastA = level;
            for (var k = random.Next(2, 5); k > 0; k--)
            {
                var length = 0.6 + 1.4 * random.NextDouble();
                units.Add(new SpeechUnit(speaker, MediaTime.FromSeconds(seconds), MediaTime.FromSeconds(seconds + length), 10 + level + Noise(random, 0.3), 60, 4));
                seconds += length + 0.3;
            }

            speaker = speaker == Participant.A ? Participant.B : Participant.A;
            seconds += 0.6;
        }

        return units;
    }

    private static List<SpeechUnit> WanderingConversation(Random random, double persistence)
    {
        var units = new List<SpeechUnit>();
        var level = new Dictionary<Participant, double> { [Participant.A] = 0, [Participant.B] = 0 };
        var seconds = 0.0;
        var end = 120 + 120 * random.NextDouble();
        var speaker = Participant.A;
        while (seconds < end)
        {
            for (var k = random.Next(1, 5); k > 0; k--)
            {
                level[speaker] = persistence * level[speaker] + Noise(random, 2);
                var length = 0.6 + 1.4 * random.NextDouble();
                units.Add(new SpeechUnit(speaker, MediaTime.FromSeconds(seconds), MediaTime.FromSeconds(seconds + length), 10 + level[speaker] + Noise(random, 0.5), 60, 4));
                seconds += length + 0.3;
            }

            speaker = speaker == Participant.A ? Participant.B : Participant.A;
            seconds += 0.6;
        }

        return units;
    }

    [Fact]
    public void Units_without_the_feature_are_left_out_and_a_unit_with_it_but_no_speaker_is_refused()
    {
        var units = Alternate(60, (_, i) => i % 3 == 0 ? double.NaN : i);

        var result = Analysis.Analyse(units, Pitch);
        var withoutNaN = Analysis.Analyse(units.Where(u => !double.IsNaN(u.MeanPitchSemitones)), Pitch);

        Assert.Equal(withoutNaN, result);
        Assert.Throws<InvalidOperationException>(() => Analysis.Analyse([.. units, units[1] with { Speaker = null }], Pitch));
    }

    [Fact]
    public void Too_few_units_give_undefined_statistics_not_an_exception()
    {
        var result = Analysis.Analyse(Alternate(2, (_, i) => i), Pitch);

        Assert.True(double.IsNaN(result.Synchrony.Value));
        Assert.True(double.IsNaN(result.Convergence.Value));
    }

    private static double Pitch(SpeechUnit unit) => unit.MeanPitchSemitones;

    /// <summary>Units alternating A, B, A, B... (or B, A, ...) one second each with half a second between them, at the given pitches.</summary>
    private static SpeechUnit[] Alternate(int count, Func<Participant, int, double> value, Participant first = Participant.A) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var speaker = (i % 2 == 0) == (first == Participant.A) ? Participant.A : Participant.B;
            return new SpeechUnit(speaker, MediaTime.FromSeconds(i * 1.5), MediaTime.FromSeconds(i * 1.5 + 1), value(speaker, i), 60, 4);
        })];

    private static double Noise(Random random, double size) => (random.NextDouble() - 0.5) * 2 * size;
}
