using MirrorSense.Core;

namespace MirrorSense.Prosody.Tests;

public sealed class PitchTrackerTests
{
    // Voiced, unvoiced and silent stretches with pitch movement: paths that must merge and split.
    private static readonly float[] Utterance = Signals.Concat(
        Signals.Silence(0.2), Signals.Glide(110, 180, 0.6), Signals.Noise(0.15, 0.05, seed: 7),
        Signals.Harmonics(210, 0.4, [0.3, 0.15, 0.1]), Signals.Silence(0.3), Signals.Glide(250, 140, 0.5));

    [Theory]
    [InlineData(1, 4000)]
    [InlineData(2, 160)]
    [InlineData(3, 1)]
    public void Streaming_in_blocks_of_any_size_gives_the_batch_frames(int seed, int maxBlock)
    {
        // Given the batch analysis (Praat's grid and the whole signal's peak)
        var batch = PitchAnalysis.Analyze(Utterance, Signals.Rate);

        // When a tracker with that grid and peak gets the same samples in random blocks
        var options = new PitchOptions();
        var grid = FrameGrid.ForWholeSignal(Utterance.Length, Signals.Rate, options.WindowSeconds, options.TimeStep);
        var tracker = new PitchTracker(Signals.Rate, options, grid, PeakReference.OfWholeSignal(Utterance));
        var streamed = Feed(tracker, Utterance, Signals.RandomBlocks(Utterance.Length, maxBlock, seed));

        // Then it emits exactly the batch frames
        Assert.Equal(batch, streamed);
    }

    [Fact]
    public void A_live_tracker_gives_the_same_frames_however_the_audio_is_cut()
    {
        // Given the default live set-up: open-ended grid, running peak
        var whole = Feed(new PitchTracker(Signals.Rate), Utterance, [(0, Utterance.Length)]);

        var inBlocks = Feed(new PitchTracker(Signals.Rate), Utterance, Signals.RandomBlocks(Utterance.Length, 700, seed: 5));
        var viaBatch = PitchAnalysis.Analyze(Utterance, Signals.Rate,
            grid: FrameGrid.ForStream(0.04, 0.01), peakReference: PeakReference.Running);

        Assert.Equal(whole, inBlocks);
        Assert.Equal(whole, viaBatch);
    }

    [Fact]
    public void Frames_wait_no_longer_than_the_window_and_the_path_latency_bound()
    {
        // Given 10 ms blocks of a perfectly periodic vowel (its octave candidates keep Viterbi paths apart longest)
        var options = new PitchOptions();
        var tracker = new PitchTracker(Signals.Rate, options);
        var vowel = Signals.Harmonics(180, 2.0, [0.3, 0.2, 0.1]);
        var latencies = EmissionLatencies(tracker, vowel, Signals.Rate);

        // Then no frame waits more than half a window + the path bound + one block
        Assert.NotEmpty(latencies);
        Assert.True(latencies.Max() <= options.WindowSeconds / 2 + options.MaximumPathLatencySeconds + 0.01 + 1e-9, $"max latency {latencies.Max():0.000} s");
    }

    [SkippableFact]
    public void On_real_speech_99_percent_of_pitch_frames_are_final_within_100_ms_of_their_audio()
    {
        // Given a real speaker's channel fed in 10 ms blocks, with Praat's grid and peak
        var wav = WavFile.Read(MirrorSense.Testing.ReferenceData.Require("speech", "test-A.wav"));
        var options = new PitchOptions();
        var grid = FrameGrid.ForWholeSignal(wav.Samples.Length, wav.SampleRate, options.WindowSeconds, options.TimeStep);
        var tracker = new PitchTracker(wav.SampleRate, options, grid, PeakReference.OfWholeSignal(wav.Samples));

        var latencies = EmissionLatencies(tracker, wav.Samples, wav.SampleRate);

        // Then paths agree quickly: frames are final (and identical to a whole-signal Viterbi) almost at once
        latencies.Sort();
        Assert.True(latencies[(int)(0.99 * latencies.Count)] <= 0.1, $"99th percentile {latencies[(int)(0.99 * latencies.Count)]:0.000} s");
        Assert.Equal(0, tracker.ForcedPathDecisions);
    }

    private static List<double> EmissionLatencies(PitchTracker tracker, float[] signal, int rate)
    {
        var latencies = new List<double>();
        var block = rate / 100;
        for (var start = 0; start < signal.Length; start += block)
        {
            var length = Math.Min(block, signal.Length - start);
            var end = MediaTime.OfSample(start + length, rate);
            foreach (var frame in tracker.Process(signal.AsSpan(start, length), MediaTime.OfSample(start, rate)))
                latencies.Add((end - frame.Time).TotalSeconds);
        }
        return latencies;
    }

    [Fact]
    public void A_tight_latency_bound_still_gives_one_frame_per_grid_point()
    {
        // Given a tracker that may not wait for path agreement at all
        var options = new PitchOptions { MaximumPathLatencySeconds = 0 };

        var frames = Feed(new PitchTracker(Signals.Rate, options), Utterance, Signals.RandomBlocks(Utterance.Length, 500, seed: 9));

        // Then frames still come out in order, one per step, and the glide is still tracked
        Assert.Equal(frames.Count, frames.Select(f => f.Time).Distinct().Count());
        Assert.True(frames.Zip(frames.Skip(1)).All(p => p.First.Time < p.Second.Time));
        Assert.Contains(frames, f => f.IsVoiced);
    }

    [Fact]
    public void A_block_that_does_not_continue_the_stream_is_rejected()
    {
        var tracker = new PitchTracker(Signals.Rate);
        tracker.Process(new float[1600], MediaTime.Zero);

        Assert.Throws<ArgumentException>(() => tracker.Process(new float[1600], MediaTime.FromSeconds(0.5)));
    }

    [Fact]
    public void A_completed_stream_takes_no_more_audio()
    {
        var tracker = new PitchTracker(Signals.Rate);
        tracker.Process(new float[1600], MediaTime.Zero);
        tracker.Complete();

        Assert.Throws<InvalidOperationException>(() => tracker.Process(new float[1600], MediaTime.FromSeconds(0.1)));
    }

    private static List<PitchFrame> Feed(PitchTracker tracker, float[] signal, IEnumerable<(int Start, int Length)> blocks)
    {
        var frames = new List<PitchFrame>();
        foreach (var (start, length) in blocks)
            frames.AddRange(tracker.Process(signal.AsSpan(start, length), MediaTime.OfSample(start, Signals.Rate)));
        frames.AddRange(tracker.Complete());
        return frames;
    }
}
