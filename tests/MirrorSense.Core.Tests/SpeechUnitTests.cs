using MirrorSense.Core;

namespace MirrorSense.Core.Tests;

public sealed class SpeechUnitTests
{
    [Fact]
    public void Speech_rate_is_the_syllables_per_second_of_the_unit()
    {
        var unit = new SpeechUnit(Participant.A, MediaTime.FromSeconds(1), MediaTime.FromSeconds(3.5), 0, 60, 10);

        Assert.Equal(TimeSpan.FromSeconds(2.5), unit.Duration);
        Assert.Equal(4.0, unit.SyllablesPerSecond);
    }

    [Fact]
    public void A_unit_whose_syllables_were_not_counted_has_no_speech_rate_rather_than_zero()
    {
        var unit = new SpeechUnit(Participant.A, MediaTime.FromSeconds(1), MediaTime.FromSeconds(2), 0, 60, null);

        Assert.True(double.IsNaN(unit.SyllablesPerSecond));
        Assert.Equal(0.0, (unit with { Syllables = 0 }).SyllablesPerSecond);
    }

    [Fact]
    public void A_unit_without_duration_has_no_speech_rate()
    {
        var unit = new SpeechUnit(Participant.B, MediaTime.FromSeconds(1), MediaTime.FromSeconds(1), 0, 60, 3);

        Assert.True(double.IsNaN(unit.SyllablesPerSecond));
    }

    [Fact]
    public void An_unmeasured_unit_has_its_span_and_speaker_and_nothing_measured()
    {
        var unit = SpeechUnit.Unmeasured(Participant.B, MediaTime.FromSeconds(1), MediaTime.FromSeconds(2));

        Assert.Equal((Participant.B, MediaTime.FromSeconds(1), MediaTime.FromSeconds(2)), (unit.Speaker, unit.Start, unit.End));
        Assert.True(double.IsNaN(unit.MeanPitchSemitones));
        Assert.True(double.IsNaN(unit.MeanIntensityDb));
        Assert.Null(unit.Syllables);
    }

    [Fact]
    public void A_unit_of_nobody_in_particular_cannot_be_placed_on_a_side_of_the_dyad()
    {
        var unit = SpeechUnit.Unmeasured(null, MediaTime.FromSeconds(1), MediaTime.FromSeconds(2));

        Assert.Throws<InvalidOperationException>(() => unit.SpeakerInDyad);
        Assert.Equal(Participant.A, (unit with { Speaker = Participant.A }).SpeakerInDyad);
    }
}
