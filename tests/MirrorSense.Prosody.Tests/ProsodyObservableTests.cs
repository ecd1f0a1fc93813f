using System.Reactive.Linq;
using MirrorSense.Core;

namespace MirrorSense.Prosody.Tests;

public sealed class ProsodyObservableTests
{
    [Fact]
    public void The_operator_gives_the_frames_the_analyzer_gives_block_by_block_and_the_last_ones_at_the_end()
    {
        // Given a glide with a pause, in blocks of 0.4 s
        float[] signal = [.. Signals.Glide(120, 220, 1.3), .. Signals.Silence(0.4), .. Signals.Tone(180, 0.9)];
        var format = new AudioFormat(Signals.Rate, 1);
        var size = (int)(0.4 * Signals.Rate);
        var blocks = Enumerable.Range(0, (signal.Length + size - 1) / size)
            .Select(k => new AudioBlock(MediaTime.FromSeconds(k * 0.4), format, signal.AsMemory(k * size, Math.Min(size, signal.Length - k * size))))
            .ToList();
        var direct = new ProsodyAnalyzer(Signals.Rate);
        var expected = blocks.SelectMany(b => direct.Process(b.Samples.Span, b.Start)).ToList();
        expected.AddRange(direct.Complete());

        // When they go through the operator
        var frames = blocks.ToObservable().AnalyzeProsody(new ProsodyAnalyzer(Signals.Rate)).ToList().Wait();

        // Then the frames are the same, in order
        Assert.True(expected.Count > 200, $"{expected.Count} frames");
        Assert.Equal(expected, frames);
    }

    [Fact]
    public void A_block_of_two_voices_ends_the_stream_with_an_error_asking_for_one()
    {
        var stereo = new AudioBlock(MediaTime.Zero, new AudioFormat(Signals.Rate, 2), new float[800]);

        var error = Assert.Throws<ArgumentException>(() => Observable.Return(stereo).AnalyzeProsody(new ProsodyAnalyzer(Signals.Rate)).ToList().Wait());

        Assert.Contains("2 channels", error.Message);
    }
    [Fact]
    public void A_live_voice_gives_block_by_block_the_frames_and_units_an_analyzer_and_a_unit_tracker_give()
    {
        // Given three stretches of voice between pauses, in 50 ms blocks as a microphone delivers them
        float[] signal = [.. Signals.Tone(150, 1.0), .. Signals.Silence(0.7), .. Signals.Glide(140, 200, 1.2), .. Signals.Silence(0.7), .. Signals.Tone(170, 0.9)];
        var blocks = Blocks(signal, 0.05);
        var prosody = new ProsodyAnalyzer(Signals.Rate);
        var tracker = new LiveUnitTracker(Signals.Rate);
        var expectedFrames = new List<ProsodyFrame>();
        var expectedUnits = new List<SpeechUnit>();
        foreach (var block in blocks)
        {
            tracker.AddSamples(block.Samples.Span, block.Start);
            var frames = prosody.Process(block.Samples.Span, block.Start);
            expectedFrames.AddRange(frames);
            expectedUnits.AddRange(tracker.AddFrames(frames));
        }

        var last = prosody.Complete();
        expectedFrames.AddRange(last);
        expectedUnits.AddRange(tracker.AddFrames(last));
        expectedUnits.AddRange(tracker.Complete());

        // When they go through the operator
        var steps = blocks.ToObservable().AnalyzeSpeech().ToList().Wait();

        // Then the frames and units are the same, in order, one step per block and one for the end
        Assert.Equal(blocks.Count + 1, steps.Count);
        Assert.Equal(expectedFrames, steps.SelectMany(s => s.Frames));
        Assert.Equal(3, expectedUnits.Count);
        Assert.Equal(expectedUnits, steps.SelectMany(s => s.Units));
        Assert.Equal(blocks.Select(b => b.Start), steps.Take(blocks.Count).Select(s => s.Start));
    }

    [Fact]
    public void A_live_voice_cut_off_while_speaking_still_gives_the_unit_in_progress_at_the_end()
    {
        float[] signal = [.. Signals.Tone(150, 1.0), .. Signals.Silence(0.7), .. Signals.Tone(180, 1.5)];

        var steps = Blocks(signal, 0.05).ToObservable().AnalyzeSpeech().ToList().Wait();

        var units = steps.SelectMany(s => s.Units).ToList();
        Assert.Equal(2, units.Count);
        Assert.Same(units[^1], Assert.Single(steps[^1].Units));
        Assert.InRange(units[^1].End.Seconds, 3.0, 3.25);
    }

    [Fact]
    public void A_live_voice_of_two_channels_ends_with_an_error_asking_for_one()
    {
        var stereo = new AudioBlock(MediaTime.Zero, new AudioFormat(Signals.Rate, 2), new float[800]);

        var error = Assert.Throws<ArgumentException>(() => Observable.Return(stereo).AnalyzeSpeech().ToList().Wait());

        Assert.Contains("2 channels", error.Message);
    }

    private static List<AudioBlock> Blocks(float[] signal, double seconds)
    {
        var format = new AudioFormat(Signals.Rate, 1);
        var size = (int)Math.Round(seconds * Signals.Rate);
        return [.. Enumerable.Range(0, (signal.Length + size - 1) / size)
            .Select(k => new AudioBlock(MediaTime.OfSample(k * size, Signals.Rate), format, signal.AsMemory(k * size, Math.Min(size, signal.Length - k * size))))];
    }
}
