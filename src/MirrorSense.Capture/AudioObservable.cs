using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using MirrorSense.Core;

namespace MirrorSense.Capture;

/// <summary>An audio source as the head of the graph: a stream of media-timed blocks for prosody.</summary>
public static class AudioObservable
{
    /// <summary>
    /// The source's blocks (see <see cref="AudioBlockReader"/>), read one after another in one work item on
    /// <paramref name="scheduler"/>. The end of the source completes the stream; an <see cref="AudioSourceException"/>
    /// arrives as <c>OnError</c> after the blocks read before it. Reading consumes the source: subscribe once.
    /// Disposing stops after the current block; <paramref name="end"/> ends the stream after the current block
    /// (<c>OnCompleted</c>, on the reading thread), so that what follows can finish its work.
    /// </summary>
    public static IObservable<AudioBlock> Blocks(this IAudioSource source, TimeSpan blockDuration, IScheduler scheduler, CancellationToken end = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return Observable.Create<AudioBlock>(observer =>
        {
            var stop = new BooleanDisposable();
            var reading = scheduler.Schedule(() =>
            {
                try
                {
                    foreach (var block in source.ReadBlocks(blockDuration))
                    {
                        if (stop.IsDisposed)
                            return;
                        observer.OnNext(block);
                        if (end.IsCancellationRequested)
                            break;
                    }
                }
                catch (AudioSourceException error)
                {
                    observer.OnError(error);
                    return;
                }

                observer.OnCompleted();
            });
            return new CompositeDisposable(stop, reading);
        });
    }

    /// <summary>
    /// Consecutive blocks gathered into longer ones of up to <paramref name="duration"/> (a block that would overflow
    /// starts the next; one longer than a stretch goes on whole), in one buffer reused from stretch to stretch: each
    /// gathered block is lent for the duration of its <c>OnNext</c> only (copy what you keep). For stages that work
    /// best on long stretches, such as prosody's parallel frame batches; the samples and their times are the blocks'.
    /// </summary>
    public static IObservable<AudioBlock> Gather(this IObservable<AudioBlock> blocks, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (duration <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The gathered length must be positive.");
        return Observable.Create<AudioBlock>(observer =>
        {
            float[]? buffer = null;
            AudioFormat? format = null;
            var start = MediaTime.Zero;
            var count = 0;

            void Release()
            {
                if (count == 0)
                    return;
                var gathered = new AudioBlock(start, format!, buffer.AsMemory(0, count));
                count = 0;
                observer.OnNext(gathered);
            }

            var stopped = false;
            return blocks.Subscribe(
                block =>
                {
                    if (stopped)
                        return;
                    if (format is not null && block.Format != format)
                    {
                        stopped = true;
                        observer.OnError(new InvalidOperationException($"The blocks changed format from {format} to {block.Format}."));
                        return;
                    }

                    format = block.Format;
                    buffer ??= new float[(int)Math.Ceiling(duration.TotalSeconds * format.SampleRate) * format.Channels];
                    if (count + block.Samples.Length > buffer.Length)
                        Release();
                    if (block.Samples.Length > buffer.Length)
                        buffer = new float[block.Samples.Length];   // a stretch of its own
                    if (count == 0)
                        start = block.Start;
                    block.Samples.Span.CopyTo(buffer.AsSpan(count));
                    count += block.Samples.Length;
                },
                error =>
                {
                    if (!stopped)
                        observer.OnError(error);
                },
                () =>
                {
                    if (stopped)
                        return;
                    Release();
                    observer.OnCompleted();
                });
        });
    }
}
