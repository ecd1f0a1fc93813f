using System.Reactive.Concurrency;
using System.Reactive.Linq;
using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>The prosody stage as an operator: mono audio blocks in, final prosody frames out, in time order.</summary>
public static class ProsodyObservable
{
    /// <summary>
    /// Each mono block through <paramref name="analyzer"/>, the frames that became final after it passed on, and the
    /// last ones when the blocks complete. The analyzer is the caller's (its units are read after the end): one
    /// subscription per analyzer. A block's samples are used during its <c>OnNext</c> only.
    /// </summary>
    public static IObservable<ProsodyFrame> AnalyzeProsody(this IObservable<AudioBlock> blocks, ProsodyAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(analyzer);
        return blocks
            .SelectMany(block => block.Format.Channels == 1
                ? analyzer.Process(block.Samples.Span, block.Start)
                : throw new ArgumentException($"Prosody needs one voice per stream: the block has {block.Format.Channels} channels (pick one first).", nameof(blocks)))
            .Concat(Observable.Defer(() => analyzer.Complete().ToObservable(ImmediateScheduler.Instance)));
    }

    /// <summary>
    /// A live voice: each mono block through a prosody analyzer and a unit tracker of its own (made for each
    /// subscription at the blocks' rate, with <paramref name="pitch"/>), one <see cref="ProsodyBlock"/> per block with
    /// the frames that became final and the units they closed, and a last one with the frames and the unit still open
    /// when the blocks complete. Units are described as they close, from the voice so far (running median pitch).
    /// </summary>
    public static IObservable<ProsodyBlock> AnalyzeSpeech(this IObservable<AudioBlock> blocks, PitchOptions? pitch = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        return Observable.Defer(() =>
        {
            ProsodyAnalyzer? prosody = null;
            LiveUnitTracker? units = null;
            var last = MediaTime.Zero;
            return blocks
                .Select(block =>
                {
                    if (block.Format.Channels != 1)
                        throw new ArgumentException($"Prosody needs one voice per stream: the block has {block.Format.Channels} channels (pick one first).", nameof(blocks));
                    prosody ??= new ProsodyAnalyzer(block.Format.SampleRate, pitch);
                    units ??= new LiveUnitTracker(block.Format.SampleRate);
                    last = block.Start + block.Duration;
                    // The tracker takes the samples before the frames made from them: syllables are counted from both.
                    units.AddSamples(block.Samples.Span, block.Start);
                    var frames = prosody.Process(block.Samples.Span, block.Start);
                    return new ProsodyBlock(block.Start, frames, units.AddFrames(frames));
                })
                .Concat(Observable.Defer(() =>
                {
                    if (prosody is null || units is null)
                        return Observable.Empty<ProsodyBlock>();
                    var frames = prosody.Complete();
                    var closed = units.AddFrames(frames).Concat(units.Complete()).ToList();
                    return Observable.Return(new ProsodyBlock(last, frames, closed), ImmediateScheduler.Instance);
                }));
        });
    }
}
