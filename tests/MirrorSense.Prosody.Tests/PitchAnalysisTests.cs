using MirrorSense.Core;

namespace MirrorSense.Prosody.Tests;

public sealed class PitchAnalysisTests
{
    [Theory]
    [InlineData(100.0)]
    [InlineData(200.0)]
    [InlineData(440.0)]
    public void Pitch_of_a_pure_tone_is_its_frequency(double frequency)
    {
        // Given one second of a pure tone
        var tone = Signals.Tone(frequency, 1.0);

        // When it is analysed
        var frames = PitchAnalysis.Analyze(tone, Signals.Rate);

        // Then every frame is voiced at the tone's frequency
        Assert.NotEmpty(frames);
        Assert.All(frames, f => Assert.True(f.IsVoiced && Math.Abs(f.FrequencyHz - frequency) < 0.01 * frequency, $"{f}"));
    }

    [Fact]
    public void Pitch_of_a_pure_200_Hz_tone_is_200_Hz()
    {
        var frames = PitchAnalysis.Analyze(Signals.Tone(200, 1.0), Signals.Rate);

        Assert.All(frames, f => Assert.Equal(200.0, f.FrequencyHz, 0.05));
    }

    [Fact]
    public void Pitch_of_a_harmonic_complex_is_its_fundamental()
    {
        // Given a 120 Hz voice-like complex whose harmonics fall off as 1/k
        var complex = Signals.Harmonics(120, 1.0, [.. Enumerable.Range(1, 10).Select(k => 0.3 / k)]);

        var frames = PitchAnalysis.Analyze(complex, Signals.Rate);

        Assert.All(frames, f => Assert.Equal(120.0, f.FrequencyHz, 0.1));
    }

    [Fact]
    public void Pitch_of_a_complex_without_its_fundamental_is_still_the_fundamental()
    {
        // Given harmonics 2..6 of 150 Hz and no energy at 150 Hz itself (the "missing fundamental")
        var complex = Signals.Harmonics(150, 1.0, [0, 0.2, 0.2, 0.2, 0.2, 0.2]);

        var frames = PitchAnalysis.Analyze(complex, Signals.Rate);

        Assert.All(frames, f => Assert.Equal(150.0, f.FrequencyHz, 0.2));
    }

    [Fact]
    public void Pitch_follows_a_glide()
    {
        // Given a glide from 120 to 240 Hz over two seconds
        var glide = Signals.Glide(120, 240, 2.0);

        var frames = PitchAnalysis.Analyze(glide, Signals.Rate);

        // Then each frame reports the instantaneous frequency at its centre
        Assert.All(frames, f => Assert.Equal(120 + 120 * f.Time.Seconds / 2.0, f.FrequencyHz, 1.0));
    }

    [Fact]
    public void Silence_gives_no_voiced_frames()
    {
        var frames = PitchAnalysis.Analyze(Signals.Silence(1.0), Signals.Rate);

        Assert.Equal(97, frames.Length);
        Assert.All(frames, f => Assert.False(f.IsVoiced));
    }

    [Fact]
    public void Faint_noise_after_a_loud_vowel_is_unvoiced()
    {
        // Given a loud tone, then noise far below the silence threshold (3 % of the peak)
        var signal = Signals.Concat(Signals.Tone(150, 0.5, 0.8), Signals.Noise(0.5, 0.005, seed: 1));

        var frames = PitchAnalysis.Analyze(signal, Signals.Rate);

        Assert.All(frames.Where(f => f.Time.Seconds < 0.45), f => Assert.True(f.IsVoiced));
        Assert.All(frames.Where(f => f.Time.Seconds > 0.6), f => Assert.False(f.IsVoiced));
    }

    [Fact]
    public void Frames_sit_where_Praat_puts_them()
    {
        // Given 58 s at 16 kHz (test-A's length): Praat gives 5797 frames from 0.02 s
        var grid = FrameGrid.ForWholeSignal(928_000, 16_000, 0.04, 0.01);

        Assert.Equal(5797, grid.Count);
        Assert.Equal(0.02, grid.FirstCentreSeconds, 1e-12);
    }

    [Fact]
    public void Frame_times_are_on_the_media_clock_of_the_first_sample()
    {
        var start = MediaTime.FromSeconds(12.5);

        var frames = PitchAnalysis.Analyze(Signals.Tone(200, 0.2), Signals.Rate, start);

        Assert.Equal(MediaTime.FromSeconds(12.52), frames[0].Time);
        Assert.Equal(TimeSpan.FromMilliseconds(10), frames[1].Time - frames[0].Time);
    }

    [Fact]
    public void Options_that_cannot_work_are_rejected_when_wiring()
    {
        Assert.Throws<ArgumentException>(() => new PitchTracker(16000, new PitchOptions { FloorHz = 0 }));
        Assert.Throws<ArgumentException>(() => new PitchTracker(16000, new PitchOptions { CeilingHz = 50 }));
        Assert.Throws<ArgumentException>(() => new PitchTracker(16000, new PitchOptions { MaxCandidates = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PitchTracker(0));
    }

    [Fact]
    public void Default_options_are_Praats()
    {
        var options = new PitchOptions();

        Assert.Equal(0.01, options.TimeStep, 1e-15);
        Assert.Equal(0.04, options.WindowSeconds, 1e-15);
        Assert.Equal((75.0, 600.0, 15, 0.03, 0.45, 0.01, 0.35, 0.14),
            (options.FloorHz, options.CeilingHz, options.MaxCandidates, options.SilenceThreshold, options.VoicingThreshold,
             options.OctaveCost, options.OctaveJumpCost, options.VoicedUnvoicedCost));
    }
}
