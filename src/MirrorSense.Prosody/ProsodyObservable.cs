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
}
