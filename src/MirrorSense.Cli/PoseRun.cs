using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Sessions.Faces;
using MirrorSense.Sessions.Pose;
using MirrorSense.Vision;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Output;
using MirrorSense.Vision.Streaming;
using OpenCvSharp;

namespace MirrorSense.Cli;

/// <summary>How far a pose run has got, for the progress display.</summary>
internal sealed record PoseProgress(long Frames, long? TotalFrames, double FramesPerSecond);

/// <summary>What a pose run saw: frames read, frames with people, the pipeline's statistics (the face stage's too, when it ran), and the error that stopped it early, if any.</summary>
internal sealed record PoseReport(long Frames, PoseStatistics Statistics, FaceStatistics? Faces, string? Error, bool Cancelled);

/// <summary>
/// The pose command's graph, composed: a video's frames → the pose stage (faces and the overlay drawn on each picture
/// when asked for) → the offline refinement → pose.csv (and face.csv). pose.csv gets the frames refined as analyses
/// refine them: landmarks smoothed backwards too, and the frames the landmark model skips
/// (<see cref="PoseOptions.LandmarkEvery"/>) placed between the measured ones; face.csv the faces placed alike.
/// </summary>
internal static class PoseRun
{
    public static PoseReport Run(IVideoSource source, PoseOptions options, PoseCsvWriter csv, PoseOverlayWriter? overlay, FaceCsvWriter? faceCsv,
        IProgress<PoseProgress>? progress, CancellationToken cancellation)
    {
        // The overlay draws the estimator's own output on each picture (on a skipped frame, the people as last
        // measured): the refined pose of a frame is ready only after its picture is gone.
        var measures = new PictureMeasures
        {
            Faces = faceCsv is null ? null : () => new FaceStage(options.ModelFolder, options.IntraOpNumThreads),
            Viewer = overlay is null ? null : (picture, poses) => overlay.Write(picture, poses, poses.Faces),
        };
        PoseUpdate? last = null;
        var frames = 0L;
        string? error = null;
        var watch = Stopwatch.StartNew();   // only for the fps shown to the user
        var poses = source.Frames(ImmediateScheduler.Instance)
            .TakeWhile(_ => !cancellation.IsCancellationRequested)
            .Catch<Stamped<Mat>, VideoSourceException>(failure =>
            {
                // The frames read before a damaged part still get their rows.
                error = failure.Message;
                return Observable.Empty<Stamped<Mat>>();
            })
            .EstimatePoses(options, PoseFlow.Offline, ImmediateScheduler.Instance, measures)
            .Do(update =>
            {
                last = update;
                frames++;
                if (progress is not null && frames % 5 == 0)
                    progress.Report(new PoseProgress(frames, source.Format.FrameCount, frames / watch.Elapsed.TotalSeconds));
            })
            .Select(update => update.Poses)
            .RefineOffline(options.Smoothing);
        if (faceCsv is not null)
            poses = poses.InterpolateSkippedFaces().Do(frame => faceCsv.Write(frame.Faces!));
        // Everything runs on this thread, inside the subscription: Wait returns at the end, or throws the stage's failure.
        poses.Do(csv.Write).DefaultIfEmpty().Wait();

        var statistics = last?.Statistics ?? new PoseStatistics(0, 0, 0, 0, 0);
        var faces = last?.Faces ?? (faceCsv is null ? null : new FaceStatistics(0, 0, 0));
        return new PoseReport(statistics.Frames, statistics, faces, error, cancellation.IsCancellationRequested);
    }
}
