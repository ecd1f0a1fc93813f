using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using MirrorSense.Core;
using MirrorSense.Vision.Tracking;
using OpenCvSharp;

namespace MirrorSense.Vision.Streaming;

/// <summary>
/// The pose stage as an operator: stamped frames in, <see cref="PoseUpdate"/>s out, each subscription with an
/// estimator of its own (opened on subscribe, disposed when the subscription ends). A frame's <see cref="Mat"/> is
/// borrowed only for the duration of <c>OnNext</c>, so a source may reuse one buffer for every frame.
/// </summary>
public static partial class PoseObservable
{
    /// <summary>
    /// The skeletons of two cameras, one person each, as one stream in media-time order (see <see cref="CameraPairMerge"/>):
    /// a frame waits for the other camera to reach its time, for at most <paramref name="patience"/> of media time.
    /// </summary>
    public static IObservable<PoseFrame> MergeCameras(IObservable<PoseFrame> first, IObservable<PoseFrame> second, TimeSpan patience)
    {
        if (patience <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(patience), patience, "The wait for the other camera must be positive.");
        return PairedObservable.Pair(first, second, () => new CameraPairMerge(patience));
    }

    /// <summary>
    /// The skeletons of two recordings, one person each, started together (see <see cref="RecordedCamerasPairing"/>):
    /// frame k of <paramref name="cameraA"/> and of <paramref name="cameraB"/> as one pose frame at A's time. The two
    /// may come on threads of their own.
    /// </summary>
    public static IObservable<PoseFrame> PairRecordedCameras(IObservable<PoseFrame> cameraA, IObservable<PoseFrame> cameraB) =>
        PairedObservable.Pair(cameraA, cameraB, () => new RecordedCamerasPairing());

    /// <summary>
    /// The pose frames of an offline run refined once the frames after them are known (see <see cref="OfflinePoseRefinement"/>):
    /// landmarks smoothed backwards as well, skipped frames placed between measured ones; about a second late.
    /// </summary>
    public static IObservable<PoseFrame> RefineOffline(this IObservable<PoseFrame> poses, SmoothingOptions smoothing)
    {
        ArgumentNullException.ThrowIfNull(smoothing);
        return poses.Buffered(() => new OfflinePoseRefinement(smoothing), (r, f) => r.Add(f), r => r.Complete());
    }

    /// <summary>
    /// The pose frames with the faces of the frames the face model skipped placed between the measured faces around
    /// them (see <see cref="FaceInterpolation"/>); frames leave in order, each once, those after a skipped one when
    /// the next measured face is known. For pose frames that carry faces (<see cref="PictureMeasures.Faces"/>).
    /// </summary>
    public static IObservable<PoseFrame> InterpolateSkippedFaces(this IObservable<PoseFrame> poses) =>
        poses.Buffered(() => new FacesBetween(), (f, frame) => f.Add(frame), f => f.Complete());

    /// <summary>Pose frames held until their faces are placed; the interpolation hands faces back in order, one per frame.</summary>
    private sealed class FacesBetween
    {
        private readonly FaceInterpolation faces = new();
        private readonly Queue<PoseFrame> waiting = new();

        public IReadOnlyList<PoseFrame> Add(PoseFrame frame)
        {
            waiting.Enqueue(frame);
            return Placed(faces.Add(frame.Faces ?? new FaceFrame(frame.Time, [])));
        }

        public IReadOnlyList<PoseFrame> Complete() => Placed(faces.Complete());

        private List<PoseFrame> Placed(IReadOnlyList<FaceFrame> ready) => [.. ready.Select(face => waiting.Dequeue() with { Faces = face })];
    }

    /// <summary>
    /// Frames through a stage that holds some back (<paramref name="add"/> gives what may leave now, <paramref name="complete"/>
    /// what is left at the end), one stage per subscription.
    /// </summary>
    private static IObservable<TFrame> Buffered<TFrame, TStage>(this IObservable<TFrame> frames, Func<TStage> open, Func<TStage, TFrame, IReadOnlyList<TFrame>> add, Func<TStage, IReadOnlyList<TFrame>> complete)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return Observable.Create<TFrame>(observer =>
        {
            var stage = open();
            return frames.Subscribe(
                frame =>
                {
                    foreach (var ready in add(stage, frame))
                        observer.OnNext(ready);
                },
                observer.OnError,
                () =>
                {
                    foreach (var rest in complete(stage))
                        observer.OnNext(rest);
                    observer.OnCompleted();
                });
        });
    }

    /// <summary>Estimates poses with <see cref="PoseEstimator"/>s opened with <paramref name="options"/>; live flow works on the default scheduler.</summary>
    public static IObservable<PoseUpdate> EstimatePoses(this IObservable<Stamped<Mat>> frames, PoseOptions options, PoseFlow flow) =>
        EstimatePoses(frames, options, flow, DefaultScheduler.Instance);

    /// <summary>
    /// Estimates poses with <see cref="PoseEstimator"/>s opened with <paramref name="options"/>; live flow works on
    /// <paramref name="scheduler"/>. With <paramref name="measures"/>, each pose frame also carries what they measure on its picture.
    /// </summary>
    public static IObservable<PoseUpdate> EstimatePoses(this IObservable<Stamped<Mat>> frames, PoseOptions options, PoseFlow flow, IScheduler scheduler, PictureMeasures? measures = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return EstimatePoses(frames, () => new PoseEstimator(options), flow, scheduler, measures);
    }

    /// <summary>Estimates poses with an estimator from <paramref name="open"/> per subscription; live flow works on the default scheduler.</summary>
    public static IObservable<PoseUpdate> EstimatePoses(this IObservable<Stamped<Mat>> frames, Func<IPoseEstimator> open, PoseFlow flow) =>
        EstimatePoses(frames, open, flow, DefaultScheduler.Instance);

    /// <summary>
    /// Estimates poses with an estimator from <paramref name="open"/> per subscription. Offline flow estimates on the
    /// source's thread (and ignores <paramref name="scheduler"/>); live flow estimates on <paramref name="scheduler"/>.
    /// A failure to open the estimator, or an estimator that throws, ends the stream with <c>OnError</c>; a source
    /// error arrives after the frames delivered before it.
    /// </summary>
    /// <param name="measures">What else is measured on each frame's picture (see <see cref="PictureMeasures"/>); null: nothing.</param>
    public static IObservable<PoseUpdate> EstimatePoses(this IObservable<Stamped<Mat>> frames, Func<IPoseEstimator> open, PoseFlow flow, IScheduler scheduler, PictureMeasures? measures = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (!Enum.IsDefined(flow))
            throw new ArgumentOutOfRangeException(nameof(flow), flow, "Flow must be Offline or Live.");
        measures?.Validate();

        return Observable.Create<PoseUpdate>(observer =>
        {
            PictureWork work;
            try
            {
                work = PictureWork.Open(open, measures);
            }
            catch (Exception error)
            {
                observer.OnError(error);
                return Disposable.Empty;
            }

            PoseSink sink = flow == PoseFlow.Live ? new LivePoseSink(work, observer, scheduler) : new OfflinePoseSink(work, observer);
            sink.Run(frames);
            return sink;
        });
    }
}
