using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Capture.Video;

/// <summary>A video source as the head of the graph: a stream of stamped frames for the pose stage.</summary>
public static class VideoObservable
{
    /// <summary>The source's frames, read on a thread of its own.</summary>
    public static IObservable<Stamped<Mat>> Frames(this IVideoSource source) => Frames(source, NewThreadScheduler.Default);

    /// <summary>
    /// The source's frames, read one after another in one work item on <paramref name="scheduler"/>, into one buffer
    /// that each <c>OnNext</c> only lends (copy what you keep; the pose stage does). The end of the source completes
    /// the stream; a <see cref="VideoSourceException"/> (a damaged file, an unplugged camera) arrives as <c>OnError</c>
    /// after the frames read before it. Reading consumes the source: subscribe once. Disposing stops after the current frame.
    /// </summary>
    public static IObservable<Stamped<Mat>> Frames(this IVideoSource source, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return Observable.Create<Stamped<Mat>>(observer =>
        {
            var stop = new BooleanDisposable();
            var reading = scheduler.Schedule(() =>
            {
                using var frame = new Mat();
                try
                {
                    while (!stop.IsDisposed && source.Read(frame, out var time))
                        observer.OnNext(Stamped.At(time, frame));
                }
                catch (VideoSourceException error)
                {
                    observer.OnError(error);
                    return;
                }

                observer.OnCompleted();
            });
            return new CompositeDisposable(stop, reading);
        });
    }
}
