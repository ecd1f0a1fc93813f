using System.Reactive.Subjects;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Sessions.Features;
using MirrorSense.Sessions.Pose;
using MirrorSense.Synchrony.Features;
using MirrorSense.Vision;
using OpenCvSharp;

namespace MirrorSense.Cli;

/// <summary>What the body side of a session produced: the feature series on the grid, and what happened on the way.</summary>
/// <param name="LastFrame">Media time of the last frame analysed (the body side's end), null when none was.</param>
/// <param name="Error">Why reading stopped early (a damaged video), null when it ran to the end.</param>
internal sealed record BodySideResult(FeatureSeries Features, long Frames, long FramesWithPeople, MediaTime? LastFrame, IReadOnlyList<string> Warnings, string? Error);

/// <summary>
/// The video part of the graph: frames → pose (both people in one video, or one per camera) → pose.csv, and
/// pose frames → body features on the grid → features.csv, as the frames arrive. Nothing but the grid's
/// features is kept, so memory does not grow with the session beyond a few numbers per grid point.
/// </summary>
internal static class BodySide
{
    public static BodySideResult Run(AnalyzeRequest request, IProgress<double>? progress, CancellationToken cancellation)
    {
        var video = request.Video ?? throw new InvalidOperationException("The session has no video.");
        var grid = new FeatureGridOptions(Origin: request.StartTime);
        var samples = new List<FeatureSample>();
        var warnings = new List<string>();
        using var poseCsv = new PoseCsvWriter(new StreamWriter(Path.Combine(request.Output, "pose.csv")));
        using var featureCsv = new FeatureCsvWriter(new StreamWriter(Path.Combine(request.Output, "features.csv")), BodyFeatures.Names);
        using var poses = new Subject<PoseFrame>();
        Exception? featureError = null;
        using (poses.ToBodyFeatureGrid(grid: grid).Subscribe(
            sample =>
            {
                samples.Add(sample);
                featureCsv.Write(sample);
            },
            error => featureError = error))
        {
            var (frames, withPeople, last, error) = video switch
            {
                VideoInput.Shared shared => OneCamera(shared.Path, request, poses, poseCsv, progress, cancellation),
                VideoInput.PerParticipant both => TwoCameras(both, request, poses, poseCsv, progress, cancellation),
                _ => throw new InvalidOperationException("Unknown video input."),
            };
            poses.OnCompleted();
            if (featureError is not null)
                throw featureError;
            if (frames > withPeople)
                warnings.Add($"no one was found in {frames - withPeople} of {frames} frames: body measures are missing there, not zero.");
            return new BodySideResult(FeatureSeries.Collect(samples, BodyFeatures.Names, grid), frames, withPeople, last, warnings, error);
        }
    }

    private static (long Frames, long WithPeople, MediaTime? Last, string? Error) OneCamera(
        string path, AnalyzeRequest request, IObserver<PoseFrame> poses, PoseCsvWriter csv, IProgress<double>? progress, CancellationToken cancellation)
    {
        using var source = new VideoFileSource(path);
        using var estimator = new PoseEstimator(request.Pose);
        using var frame = new Mat();
        long frames = 0, withPeople = 0;
        MediaTime? last = null;
        try
        {
            while (!cancellation.IsCancellationRequested && source.Read(frame, out var time))
            {
                if (!request.Includes(time))
                {
                    if (time.Seconds >= request.End)
                        break;
                    continue;
                }

                var pose = estimator.Process(frame, time);
                Deliver(pose, poses, csv, ref frames, ref withPeople);
                last = time;
                Report(progress, request, time, source.Format);
            }
        }
        catch (VideoSourceException error)
        {
            return (frames, withPeople, last, error.Message);
        }

        return (frames, withPeople, last, null);
    }

    /// <summary>One person per camera, the cameras started together: frame k of each is one moment, stamped with A's time.</summary>
    private static (long Frames, long WithPeople, MediaTime? Last, string? Error) TwoCameras(
        VideoInput.PerParticipant videos, AnalyzeRequest request, IObserver<PoseFrame> poses, PoseCsvWriter csv, IProgress<double>? progress, CancellationToken cancellation)
    {
        using var sourceA = new VideoFileSource(videos.PathA);
        using var sourceB = new VideoFileSource(videos.PathB);
        using var estimatorA = new PoseEstimator(request.Pose with { MaxPeople = 1, Only = Participant.A });
        using var estimatorB = new PoseEstimator(request.Pose with { MaxPeople = 1, Only = Participant.B });
        using var frameA = new Mat();
        using var frameB = new Mat();
        long frames = 0, withPeople = 0;
        MediaTime? last = null;
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                var hasA = sourceA.Read(frameA, out var timeA);
                var hasB = sourceB.Read(frameB, out var timeB);
                if (!hasA && !hasB)
                    break;
                var time = hasA ? timeA : timeB;
                if (!request.Includes(time))
                {
                    if (time.Seconds >= request.End)
                        break;
                    continue;
                }

                // The two people's landmark models run side by side: each camera has its own estimator.
                var a = hasA ? Task.Run(() => estimatorA.Process(frameA, time)) : Task.FromResult(new PoseFrame(time, []));
                var b = hasB ? Task.Run(() => estimatorB.Process(frameB, time)) : Task.FromResult(new PoseFrame(time, []));
                var pose = new PoseFrame(time, [.. a.Result.People, .. b.Result.People]);
                Deliver(pose, poses, csv, ref frames, ref withPeople);
                last = time;
                Report(progress, request, time, sourceA.Format);
            }
        }
        catch (VideoSourceException error)
        {
            return (frames, withPeople, last, error.Message);
        }

        return (frames, withPeople, last, null);
    }

    private static void Deliver(PoseFrame pose, IObserver<PoseFrame> poses, PoseCsvWriter csv, ref long frames, ref long withPeople)
    {
        csv.Write(pose);
        poses.OnNext(pose);
        frames++;
        if (pose.People.Count > 0)
            withPeople++;
    }

    private static void Report(IProgress<double>? progress, AnalyzeRequest request, MediaTime time, VideoFormat format)
    {
        if (progress is null)
            return;
        var end = request.End ?? (format.FrameCount is { } count && format.FramesPerSecond > 0 ? count / format.FramesPerSecond : double.NaN);
        if (double.IsFinite(end) && end > request.Start)
            progress.Report(Math.Clamp((time.Seconds - request.Start) / (end - request.Start), 0, 1));
    }
}
