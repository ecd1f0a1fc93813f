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

        Assert.True(result.Convergence.Value < -0.5, $"r = {result.Convergence.Value}");
        Assert.True(result.Convergence.PValue < 0.01, $"p = {result.Convergence.PValue}");
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

    /// <summary>Units alternating A, B, A, B... one second each with half a second between them, at the given pitches.</summary>
    private static SpeechUnit[] Alternate(int count, Func<Participant, int, double> pitch) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var speaker = i % 2 == 0 ? Participant.A : Participant.B;
            return new SpeechUnit(speaker, MediaTime.FromSeconds(i * 1.5), MediaTime.FromSeconds(i * 1.5 + 1), pitch(speaker, i), 60, 4);
        })];

    private static double Noise(Random random, double size) => (random.NextDouble() - 0.5) * 2 * size;
}
