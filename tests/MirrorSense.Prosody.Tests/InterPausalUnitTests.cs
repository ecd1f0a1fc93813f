using MirrorSense.Core;

namespace MirrorSense.Prosody.Tests;

public sealed class InterPausalUnitTests
{
    [Fact]
    public void Silences_of_at_least_0_3_s_separate_units_and_shorter_ones_do_not()
    {
        // Given speech-like sound: 0.5 s, pause 0.5 s, 0.4 s, pause 0.1 s, 0.3 s
        var signal = Signals.Concat(
            Signals.Silence(0.2), Signals.Tone(150, 0.5), Signals.Silence(0.5),
            Signals.Tone(180, 0.4), Signals.Silence(0.1), Signals.Tone(160, 0.3), Signals.Silence(0.4));

        // When units are found on its intensity contour
        var units = InterPausalUnitDetector.Find(IntensityAnalysis.Analyze(signal, Signals.Rate));

        // Then there are two: the first sound, and the last two joined across the short pause
        Assert.Equal(2, units.Count);
        Assert.Equal(0.2, units[0].Start.Seconds, 0.05);
        Assert.Equal(0.7, units[0].End.Seconds, 0.05);
        Assert.Equal(1.2, units[1].Start.Seconds, 0.05);
        Assert.Equal(2.0, units[1].End.Seconds, 0.05);
    }

    [Fact]
    public void A_unit_is_reported_once_the_pause_after_it_is_long_enough()
    {
        var detector = new InterPausalUnitDetector();
        var loud = 70.0;
        var quiet = 20.0;

        Assert.Null(detector.Process(new IntensityFrame(MediaTime.FromSeconds(0.00), loud)));
        Assert.Null(detector.Process(new IntensityFrame(MediaTime.FromSeconds(0.20), loud)));
        Assert.Null(detector.Process(new IntensityFrame(MediaTime.FromSeconds(0.30), quiet)));
        var unit = detector.Process(new IntensityFrame(MediaTime.FromSeconds(0.50), quiet));

        Assert.Equal(SpeechUnit.Unmeasured(null, MediaTime.FromSeconds(0), MediaTime.FromSeconds(0.2)), unit);
    }

    [Fact]
    public void Silence_has_no_units() =>
        Assert.Empty(InterPausalUnitDetector.Find(IntensityAnalysis.Analyze(Signals.Silence(1.0), Signals.Rate)));
}
