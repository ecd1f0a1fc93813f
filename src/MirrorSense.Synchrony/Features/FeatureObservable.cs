using System.Collections.Immutable;
using System.Reactive.Linq;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features.Face;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// Rx operators of feature extraction. None of them uses a scheduler or the clock: samples leave as
/// soon as the frames' media times settle them, so live and offline runs give the same numbers, and
/// the same numbers as the batch forms (<see cref="BodyFeatures.Extract"/>, <see cref="FeatureGrid.Resample"/>).
/// </summary>
public static class FeatureObservable
{
    /// <summary>Body features of each pose frame (<see cref="BodyFeatures.Names"/>), one feature frame per pose frame.</summary>
    public static IObservable<FeatureFrame> ExtractBodyFeatures(this IObservable<PoseFrame> frames, BodyFeatureOptions? options = null) =>
        ExtractFeatures(frames, PoseFrameFeatures.Landmarks, options);

    /// <summary>
    /// The features of each pose frame that <paramref name="features"/> names (<see cref="PoseFrameFeatures.Names"/>):
    /// the landmarks' and, when asked for, the pixel motion and faces the frame carries. One feature frame per pose frame.
    /// </summary>
    public static IObservable<FeatureFrame> ExtractFeatures(this IObservable<PoseFrame> frames, PoseFrameFeatures features, BodyFeatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        return ExtractBodyFeatures(frames, options, () =>
        {
            // The face features hold each person's smile baseline: one extractor per subscription.
            var faces = features.Faces ? new FaceFeatureExtractor() : null;
            var picture = features.PictureSchema;
            return (frame, body) =>
            {
                if (picture.Count == 0)
                    return body;
                var face = faces?.Process(frame.Faces ?? new FaceFrame(frame.Time, []));
                return body.Then(picture, Picture(frame.Motion?.A, face?.A), Picture(frame.Motion?.B, face?.B));

                double[] Picture(PixelMotionSample? motion, ImmutableArray<double>? face) =>
                    [.. features.PixelMotion ? [motion?.ChangedPixels ?? double.NaN] : Array.Empty<double>(), .. face ?? []];
            };
        });
    }

    /// <param name="open">Per subscription: what completes a frame's body features from the rest of the pose frame.</param>
    private static IObservable<FeatureFrame> ExtractBodyFeatures(IObservable<PoseFrame> frames, BodyFeatureOptions? options, Func<Func<PoseFrame, FeatureFrame, FeatureFrame>> open)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var settings = options ?? BodyFeatureOptions.Default;
        settings.Validate();
        return Observable.Create<FeatureFrame>(observer =>
        {
            // State belongs to this subscription.
            var extractor = new BodyFeatureExtractor(settings);
            var complete = open();
            var stopped = false;
            return frames.Subscribe(
                frame =>
                {
                    if (stopped)
                        return;
                    FeatureFrame features;
                    try
                    {
                        features = complete(frame, extractor.Process(frame));
                    }
                    catch (Exception error) when (error is ArgumentException or InvalidOperationException)
                    {
                        stopped = true;
                        observer.OnError(error);
                        return;
                    }

                    observer.OnNext(features);
                },
                observer.OnError,
                observer.OnCompleted);
        });
    }

    /// <summary>
    /// Feature frames resampled onto the grid (see <see cref="FeatureGrid"/> for the rules). A grid point
    /// leaves once a frame at least the gap limit later has arrived, or at the end of the stream.
    /// </summary>
    public static IObservable<FeatureSample> ResampleToGrid(this IObservable<FeatureFrame> frames, FeatureGridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var settings = options ?? FeatureGridOptions.Default;
        settings.Validate();
        return Observable.Create<FeatureSample>(observer =>
        {
            var resampler = new GridResampler(settings);
            var released = new List<FeatureSample>();
            var stopped = false;

            void Emit(Action<List<FeatureSample>> step, bool completing)
            {
                if (stopped)
                    return;
                released.Clear();
                try
                {
                    step(released);
                }
                catch (Exception error) when (error is ArgumentException or InvalidOperationException)
                {
                    stopped = true;
                    observer.OnError(error);
                    return;
                }

                foreach (var sample in released)
                    observer.OnNext(sample);
                if (completing)
                {
                    stopped = true;
                    observer.OnCompleted();
                }
            }

            return frames.Subscribe(
                frame => Emit(list => resampler.Add(frame, list), completing: false),
                error =>
                {
                    if (stopped)
                        return;
                    stopped = true;
                    observer.OnError(error);
                },
                () => Emit(resampler.Complete, completing: true));
        });
    }

    /// <summary>Pose frames straight to body features on the grid: <see cref="ExtractBodyFeatures"/> then <see cref="ResampleToGrid"/>.</summary>
    public static IObservable<FeatureSample> ToBodyFeatureGrid(this IObservable<PoseFrame> frames, BodyFeatureOptions? options = null, FeatureGridOptions? grid = null) =>
        frames.ExtractBodyFeatures(options).ResampleToGrid(grid);

    /// <summary>
    /// A's side from <paramref name="sideA"/> and B's from <paramref name="sideB"/>, point by point, for one camera per
    /// person: both streams on <paramref name="grid"/>. A point waits up to <paramref name="patience"/> of grid time for
    /// its partner; after that, or once the other stream has ended, it leaves with the other side missing. Ends when
    /// both have ended; fails when either fails.
    /// </summary>
    public static IObservable<FeatureSample> JoinSides(IObservable<FeatureSample> sideA, IObservable<FeatureSample> sideB, FeatureGridOptions grid, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.Validate();
        if (patience <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(patience), patience, "The wait for the other side must be positive.");
        return PairedObservable.Pair(sideA, sideB, () => new SideJoin(patience, grid.SampleRate));
    }
}
