using System.Diagnostics;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Sessions.Faces;
using MirrorSense.Vision;
using MirrorSense.Vision.Faces;
using MirrorSense.Sessions.Pose;
using MirrorSense.Vision.Output;
using MirrorSense.Vision.Tracking;
using OpenCvSharp;

namespace MirrorSense.Cli;

/// <summary>How far a pose run has got, for the progress display.</summary>
internal sealed record PoseProgress(long Frames, long? TotalFrames, double FramesPerSecond);

/// <summary>What a pose run saw: frames read, frames with people, the pipeline's statistics (the face stage's too, when it ran), and the error that stopped it early, if any.</summary>
internal sealed record PoseReport(long Frames, PoseStatistics Statistics, FaceStatistics? Faces, string? Error, bool Cancelled);

/// <summary>The face stage of a pose run and where its meshes go.</summary>
internal sealed record FaceOutput(FaceStage Stage, FaceCsvWriter Csv);

/// <summary>
/// Wires a video source to the pose estimator and the CSV (and overlay) writers, frame by frame. pose.csv gets the
/// frames refined as offline runs refine them (<see cref="OfflinePoseRefinement"/>): landmarks smoothed backwards too,
/// and the frames the landmark model skips (<see cref="PoseOptions.LandmarkEvery"/>) placed between the measured ones.
/// </summary>
internal static class PoseRun
{
    public static PoseReport Run(IVideoSource source, PoseEstimator estimator, PoseCsvWriter csv, PoseOverlayWriter? overlay, FaceOutput? faces,
        IProgress<PoseProgress>? progress, CancellationToken cancellation)
    {
        using var frame = new Mat();
        var refinement = new OfflinePoseRefinement(estimator.Options.Smoothing);
        var faceInterpolation = new FaceInterpolation();
        var frames = 0L;
        var watch = Stopwatch.StartNew();   // only for the fps shown to the user
        string? error = null;
        try
        {
            while (!cancellation.IsCancellationRequested && source.Read(frame, out var time))
            {
                var poses = estimator.Process(frame, time);
                // A frame waits for the ones after it; the frames handed back are in order, each once.
                foreach (var ready in refinement.Add(poses))
                    csv.Write(ready);
                // The face stage and the overlay need this frame's picture, which is gone by the time its interpolated
                // pose is ready: they get the estimator's own output (on a skipped frame, the people as last measured).
                // The face model runs where the landmark model did; face.csv gets the faces between placed like the poses.
                FaceFrame? found = null;
                if (faces is not null)
                {
                    found = faces.Stage.Estimate(frame, poses);
                    foreach (var ready in faceInterpolation.Add(found))
                        faces.Csv.Write(ready);
                }

                overlay?.Write(frame, poses, found);
                frames++;
                if (progress is not null && frames % 5 == 0)
                    progress.Report(new PoseProgress(frames, source.Format.FrameCount, frames / watch.Elapsed.TotalSeconds));
            }
        }
        catch (VideoSourceException failure)
        {
            error = failure.Message;
        }
        finally
        {
            // The skipped frames after the last measured one, also when reading stopped early: every frame read has its rows.
            foreach (var rest in refinement.Complete())
                csv.Write(rest);
            foreach (var rest in faceInterpolation.Complete())
                faces?.Csv.Write(rest);
        }

        return new PoseReport(frames, estimator.Statistics, faces?.Stage.Statistics, error, cancellation.IsCancellationRequested);
    }
}
