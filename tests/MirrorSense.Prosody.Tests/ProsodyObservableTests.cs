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
}
