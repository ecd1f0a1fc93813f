using System.Reactive.Concurrency;
using System.Reactive.Linq;
using MirrorSense.Capture;
using MirrorSense.Core;
using MirrorSense.Prosody;

namespace MirrorSense.Cli;

/// <summary>What one pass over a voice recording produced.</summary>
internal sealed record VoicePassResult(long Frames, long VoicedFrames, TimeSpan Duration, IReadOnlyList<SpeechUnit>? Units, IReadOnlyList<string> Warnings);

/// <summary>
/// One voice recording through the prosody stage, streamed twice: a first pass learns the length and global peak (so
/// frames match Praat's whole-sound analysis), the second streams the blocks, gathered into long stretches, through
/// <see cref="ProsodyObservable.AnalyzeProsody"/> and hands every frame to <c>onFrame</c> as it becomes final. Neither
/// pass holds the recording in memory.
/// </summary>
internal static class VoicePass
{
    // Blocks as read: short enough that a block of 16 kHz speech (80 kB) stays off the large object heap, whose
    // allocations cost full collections.
    private static readonly TimeSpan BlockDuration = TimeSpan.FromSeconds(1.25);

    // Blocks as analysed, gathered in one buffer allocated once: the frames of each are one parallel batch, and a long
    // batch lets a thread that a busy machine schedules late still join in, and makes hand-overs between threads rare.
    private static readonly TimeSpan AnalysisDuration = TimeSpan.FromSeconds(8);

    /// <param name="open">Opens the mono signal; called once per pass.</param>
    /// <param name="name">How the recording is named in messages (its file, and channel when one is picked).</param>
    /// <exception cref="AudioSourceException">The recording cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> stopped it; the frames so far were handed on.</exception>
    public static VoicePassResult Run(Func<IAudioSource> open, string name, PitchOptions pitch, bool units,
        Action<ProsodyFrame> onFrame, IProgress<double>? progress, CancellationToken cancellation = default)
    {
        var summary = new SignalSummary();
        int sampleRate;
        using (var first = open())
        {
            sampleRate = first.Format.SampleRate;
            Read(first).Do(block => summary.Add(block.Samples.Span)).LastOrDefaultAsync().Wait();
        }
        if (summary.SampleCount == 0)
            throw new AudioSourceException(name, "contains no audio samples.");

        var analyzer = new ProsodyAnalyzer(sampleRate, pitch, summary, units);
        long frames = 0, voiced = 0, read = 0;
        using (var second = open())
        {
            // Everything runs on this thread, inside the subscription: Wait returns at the end, or throws the failure.
            Read(second)
                .Gather(AnalysisDuration)
                .Do(block =>
                {
                    read += block.FrameCount;
                    progress?.Report((double)read / summary.SampleCount);
                })
                .AnalyzeProsody(analyzer)
                .Do(frame =>
                {
                    onFrame(frame);
                    frames++;
                    if (frame.IsVoiced)
                        voiced++;
                })
                .LastOrDefaultAsync()
                .Wait();
        }

        var warnings = new List<string>();
        var duration = TimeSpan.FromSeconds((double)summary.SampleCount / sampleRate);
        if (frames == 0)
            warnings.Add($"{name}: {duration.TotalSeconds:0.###} s is shorter than one analysis window ({pitch.WindowSeconds * 1000:0} ms); no frames.");
        else if (voiced == 0)
            warnings.Add(summary.IsDigitalSilence
                ? $"{name}: the recording is silent (every sample is zero); no voiced frames."
                : $"{name}: no voiced frames between {pitch.FloorHz} and {pitch.CeilingHz} Hz (silence, noise, or a voice outside that range).");
        return new VoicePassResult(frames, voiced, duration, units ? analyzer.CompleteUnits() : null, warnings);

        IObservable<AudioBlock> Read(IAudioSource source) =>
            source.Blocks(BlockDuration, ImmediateScheduler.Instance).Do(_ => cancellation.ThrowIfCancellationRequested());
    }
}
