using MirrorSense.Core;

namespace MirrorSense.Prosody.Tests;

public sealed class IntensityTests
{
    [Fact]
    public void Intensity_of_a_full_scale_sine_is_91_dB()
    {
        // Given a sine of amplitude 1 (mean square 0.5 Pa²)
        var frames = IntensityAnalysis.Analyze(Signals.Tone(1000, 1.0, amplitude: 1.0), Signals.Rate);

        // Then its level is 10·log10(0.5 / (2e-5)²) ≈ 90.97 dB in every frame
        Assert.All(frames, f => Assert.Equal(10 * Math.Log10(0.5 / 4e-10), f.Decibels, 0.01));
    }

    [Fact]
    public void Halving_the_amplitude_lowers_the_intensity_by_6_dB()
    {
        var loud = IntensityAnalysis.Analyze(Signals.Tone(300, 0.5, 0.4), Signals.Rate);
        var soft = IntensityAnalysis.Analyze(Signals.Tone(300, 0.5, 0.2), Signals.Rate);

        Assert.All(loud.Zip(soft), p => Assert.Equal(20 * Math.Log10(2), p.First.Decibels - p.Second.Decibels, 0.01));
    }

    [Fact]
    public void A_constant_offset_is_not_intensity()
    {
        // Given pure DC: the mean is subtracted, so nothing is left
        var dc = Enumerable.Repeat(0.3f, 8000).ToArray();

        Assert.All(IntensityAnalysis.Analyze(dc, Signals.Rate), f => Assert.Equal(-300, f.Decibels));
    }

    [Fact]
    public void Default_time_step_is_Praats_0_8_over_the_minimum_pitch()
    {
        Assert.Equal(0.008, new IntensityOptions().TimeStep, 1e-15);
        Assert.Equal(0.064, new IntensityOptions().WindowSeconds, 1e-15);
    }

    [Fact]
    public void Streaming_intensity_in_blocks_gives_the_batch_frames()
    {
        var signal = Signals.Concat(Signals.Tone(200, 0.3), Signals.Noise(0.4, 0.1, seed: 3), Signals.Silence(0.2));
        var options = new IntensityOptions();
        var grid = FrameGrid.ForWholeSignal(signal.Length, Signals.Rate, options.WindowSeconds, options.TimeStep);
        var batch = IntensityAnalysis.Analyze(signal, Signals.Rate);

        var tracker = new IntensityTracker(Signals.Rate, options, grid);
        var streamed = new List<IntensityFrame>();
        foreach (var (start, length) in Signals.RandomBlocks(signal.Length, 900, seed: 4))
            streamed.AddRange(tracker.Process(signal.AsSpan(start, length), MediaTime.OfSample(start, Signals.Rate)));
        streamed.AddRange(tracker.Complete());

        Assert.Equal(batch, streamed);
    }

    [Fact]
    public void Live_intensity_frames_wait_only_for_their_window()
    {
        var tracker = new IntensityTracker(Signals.Rate);
        var tone = Signals.Tone(200, 1.0);
        var worst = 0.0;
        for (var start = 0; start < tone.Length; start += 160)
        {
            var end = MediaTime.OfSample(start + 160, Signals.Rate);
            foreach (var frame in tracker.Process(tone.AsSpan(start, 160), MediaTime.OfSample(start, Signals.Rate)))
                worst = Math.Max(worst, (end - frame.Time).TotalSeconds);
        }

        // Half the 64 ms window plus one 10 ms block
        Assert.InRange(worst, 0.0, 0.042 + 1e-9);
    }
}
