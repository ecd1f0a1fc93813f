using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Sessions.Features;
using MirrorSense.Sessions.Pose;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision;
using MirrorSense.Vision.Motion;
using MirrorSense.Vision.Streaming;
using MirrorSense.Vision.Tracking;
using OpenCvSharp;

namespace MirrorSense.Cli;

/// <summary>What the body side of a session produced: the feature series on the grid, and what happened on the way.</summary>
/// <param name="LastFrame">Media time of the last frame analysed (the body side's end), null when none was.</param>
/// <param name="Error">Why reading stopped early (a damaged video), null when it ran to the end.</param>
internal sealed record BodySideResult(FeatureSeries Features, long Frames, long FramesWithPeople, MediaTime? LastFrame, IReadOnlyList<string> Warnings, string? Error);

/// <summary>
/// The video part of the graph: frames → pose (both people in one video, or one per camera) → the frames the landmark
/// model skipped placed between measured ones → pose.csv, and those pose frames → body features on the grid →
/// features.csv, as the frames arrive. Nothing but the grid's features is kept, so memory does not grow with the
/// session beyond a few numbers per grid point.
/// </summary>
internal static class BodySide
{
    /// <summary>Changed pixels in each participant's region (Motion Energy Analysis), next to the landmark features.</summary>
    public const string PixelMotion = "pixel_motion";

    public static IReadOnlyList<string> FeatureNames { get; } = [.. BodyFeatures.Names, PixelMotion];

    /// <summary>One camera per person: how long a grid point (or a skeleton) waits for the other camera before going on without it.</summary>
    public static readonly TimeSpan CameraPatience = TimeSpan.FromSeconds(1);

    /// <param name="openFace">Both people's face features from OpenFace on the same grid (<see cref="FaceFeatures.Names"/>), to go beside the body's; null: none.</param>
    public static BodySideResult Run(AnalyzeRequest request, IReadOnlyList<FeatureSample>? openFace, IProgress<double>? progress, CancellationToken cancellation)
    {
        var video = request.Video ?? throw new InvalidOperationException("The session has no video.");
        var grid = new FeatureGridOptions(Origin: request.StartTime);
        var samples = new List<FeatureSample>();
        var warnings = new List<string>();
        var posePath = Path.Combine(request.Output, "pose.csv");
        // Re-analysing a folder reads its own pose.csv: that table is already the output.
        using var poseCsv = video is VideoInput.PoseTable input && SameFile(input.Path, posePath) ? null : new PoseCsvWriter(new StreamWriter(posePath));
        // A pose table has no pictures, so no pixel motion unless a live recording measured it.
        var names = video is VideoInput.PoseTable { Pixels: null } ? BodyFeatures.Names : FeatureNames;
        // The face stage needs the pictures of both people in one frame; the command refuses --face otherwise.
        using var faceStage = request.Faces && video is VideoInput.Shared ? new FaceStage(request.Pose.ModelFolder, request.Pose.IntraOpNumThreads) : null;
        if (faceStage is not null || openFace is not null)
            names = [.. names, .. FaceFeatures.Names];
        using var featureCsv = new FeatureCsvWriter(new StreamWriter(Path.Combine(request.Output, "features.csv")), names);
        using var poses = new Subject<PoseFrame>();
        using var pixels = new Subject<PixelMotionFrame>();
        using var faces = new Subject<FaceFrame>();
        Exception? featureError = null;
        // The estimator runs the landmark model on every LandmarkEvery-th frame only and carries the people over the
        // frames between; once the frames after them are known, the landmarks are smoothed backwards too and the
        // frames between placed between the measured ones, for pose.csv and the features alike. Two cameras are refined
        // each on its own before they are joined (see TwoCameras); a table's frames are used as they were written.
        var placed = (video is VideoInput.Shared ? poses.RefineOffline(request.Pose.Smoothing) : poses).Publish();
        using var poseRows = poseCsv is null ? Disposable.Empty : placed.Subscribe(poseCsv.Write);
        // The subjects get one value per frame, in order. The refinement hands each frame on once and in order, about a
        // second late (and the last ones when the poses complete, before the pixels do): Zip
        // queues the pixels meanwhile, so it still pairs each pose with its own frame's pixels, and faces alike.
        var features = video switch
        {
            // The recording's values already lie on a grid: they are matched to this one's times, not resampled again.
            VideoInput.PoseTable { Pixels: { } recorded } table => LandmarkFeatures(placed, table, grid).Select(sample => recorded.Join(sample, grid.SampleRate)),
            VideoInput.PoseTable table => LandmarkFeatures(placed, table, grid),
            // Two cameras' people are joined into one pose frame, but their pictures share no space to measure a distance in.
            VideoInput.PerParticipant => WithPixels(placed.ExtractBodyFeatures().Select(WithoutPartnerDistance), pixels).ResampleToGrid(grid),
            _ => WithFaces(WithPixels(placed.ExtractBodyFeatures(), pixels), faceStage is null ? null : faces)
                .ResampleToGrid(grid),
        };
        if (openFace is not null)
            features = features.Select(sample => WithOpenFace(sample, openFace));
        using (features.Subscribe(
            sample =>
            {
                samples.Add(sample);
                featureCsv.Write(sample);
            },
            error => featureError = error))
        using (placed.Connect())
        {
            var sinks = new Sinks(poses, pixels, faceStage is null ? null : faces);
            var (frames, withPeople, last, error) = video switch
            {
                VideoInput.Shared shared => OneCamera(shared.Path, request, sinks, faceStage, progress, cancellation),
                VideoInput.PerParticipant both => TwoCameras(both, request, sinks, progress, cancellation),
                VideoInput.PoseTable table => FromTable(table, request, sinks, cancellation),
                _ => throw new InvalidOperationException("Unknown video input."),
            };
            poses.OnCompleted();
            pixels.OnCompleted();
            faces.OnCompleted();
            if (featureError is not null)
                throw featureError;
            if (frames > withPeople)
                warnings.Add($"no one was found in {frames - withPeople} of {frames} frames: body measures are missing there, not zero.");
            foreach (var participant in new[] { Participant.A, Participant.B })
            {
                if (faceStage?.Statistics.Missing(participant) is > 0 and var missing)
                    warnings.Add($"{participant}'s face was not found in {missing} of the frames they were in (turned away, covered or too small): face features are missing there, not zero.");
            }
            return new BodySideResult(FeatureSeries.Collect(samples, names, grid), frames, withPeople, last, warnings, error);
        }
    }

    private static IObservable<FeatureFrame> WithPixels(IObservable<FeatureFrame> body, IObservable<PixelMotionFrame> pixels) =>
        body.Zip(pixels, (frame, motion) => frame with { A = [.. frame.A, motion.A.ChangedPixels], B = [.. frame.B, motion.B.ChangedPixels] });

    private static FeatureFrame WithoutPartnerDistance(FeatureFrame frame)
    {
        var index = BodyFeatures.IndexOf(BodyFeatures.PartnerDistance);
        return frame with { A = frame.A.SetItem(index, double.NaN), B = frame.B.SetItem(index, double.NaN) };
    }

    private static (long Frames, long WithPeople, MediaTime? Last, string? Error) OneCamera(
        string path, AnalyzeRequest request, Sinks sinks, FaceStage? faceStage, IProgress<double>? progress, CancellationToken cancellation)
    {
        using var source = new ReadAheadVideoSource(new VideoFileSource(path));
        using var estimator = new PoseEstimator(request.Pose);
        using var motion = new PixelMotionEnergy();
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
                sinks.Deliver(pose, motion.Measure(frame, pose), faceStage?.Estimate(frame, pose), ref frames, ref withPeople);
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

    /// <summary>
    /// One person per camera, the cameras started together: frame k of each is one moment, stamped with A's time. Each
    /// camera's skipped frames are placed between its own measured ones (see <see cref="CameraPoses"/>), and frame k of
    /// the two goes on, with frame k's pixels, once both are ready.
    /// </summary>
    private static (long Frames, long WithPeople, MediaTime? Last, string? Error) TwoCameras(
        VideoInput.PerParticipant videos, AnalyzeRequest request, Sinks sinks, IProgress<double>? progress, CancellationToken cancellation)
    {
        using var sourceA = new ReadAheadVideoSource(new VideoFileSource(videos.PathA));
        using var sourceB = new ReadAheadVideoSource(new VideoFileSource(videos.PathB));
        using var estimatorA = new PoseEstimator(request.Pose with { MaxPeople = 1, Only = Participant.A });
        using var estimatorB = new PoseEstimator(request.Pose with { MaxPeople = 1, Only = Participant.B });
        using var motionA = new PixelMotionEnergy();
        using var motionB = new PixelMotionEnergy();
        using var frameA = new Mat();
        using var frameB = new Mat();
        var (placedA, placedB) = (new CameraPoses(request.Pose.Smoothing), new CameraPoses(request.Pose.Smoothing));
        var pixelsWaiting = new Queue<PixelMotionFrame>();
        long frames = 0, withPeople = 0;
        MediaTime? last = null;
        string? failure = null;

        void DeliverReady()
        {
            while (placedA.Ready.Count > 0 && placedB.Ready.Count > 0)
            {
                var (a, b) = (placedA.Ready.Dequeue(), placedB.Ready.Dequeue());
                var pose = new PoseFrame(a.Time, [.. a.People, .. b.People]) { Measured = a.Measured && b.Measured };
                sinks.Deliver(pose, pixelsWaiting.Dequeue(), null, ref frames, ref withPeople);
            }
        }

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
                var a = hasA ? Task.Run(() => estimatorA.Process(frameA, time)) : null;
                var b = hasB ? Task.Run(() => estimatorB.Process(frameB, time)) : null;
                // Each camera's pixels count for the one person it shows.
                var pixelsA = a is null ? Unseen(time, Participant.A) : motionA.Measure(frameA, a.Result).A;
                var pixelsB = b is null ? Unseen(time, Participant.B) : motionB.Measure(frameB, b.Result).B;
                pixelsWaiting.Enqueue(new PixelMotionFrame(time, pixelsA, pixelsB));
                placedA.Add(a?.Result, time);
                placedB.Add(b?.Result, time);
                DeliverReady();
                last = time;
                Report(progress, request, time, sourceA.Format);
            }
        }
        catch (VideoSourceException error)
        {
            failure = error.Message;
        }

        // The frames still waiting for a measured one, also when reading stopped early: every frame read goes on.
        placedA.Complete();
        placedB.Complete();
        DeliverReady();
        return (frames, withPeople, last, failure);
    }

    /// <summary>
    /// One camera's pose frames refined (see <see cref="OfflinePoseRefinement"/>), each frame once and in order as
    /// it becomes ready. The two cameras are placed apart because a camera can end first: after its end its side of
    /// each frame is empty, and in one joined stream that empty side, on the other camera's next measured frame, would
    /// look as if its person had left, dropping them from the skipped frames before. Here those frames come out when
    /// the camera ends, its person as last measured, as at the end of any stream.
    /// </summary>
    private sealed class CameraPoses(SmoothingOptions smoothing)
    {
        private readonly OfflinePoseRefinement refinement = new(smoothing);

        public Queue<PoseFrame> Ready { get; } = new();

        /// <summary>The camera's frame at <paramref name="time"/>: its estimator's, or null after the camera has ended.</summary>
        public void Add(PoseFrame? frame, MediaTime time)
        {
            if (frame is null)
            {
                Complete();
                Ready.Enqueue(new PoseFrame(time, []));
                return;
            }

            foreach (var ready in refinement.Add(frame))
                Ready.Enqueue(ready);
        }

        public void Complete()
        {
            foreach (var rest in refinement.Complete())
                Ready.Enqueue(rest);
        }
    }

    /// <summary>
    /// Landmark features of a pose table on the grid. A table from one camera per person holds each camera's frames at
    /// its own times, one person each; followed frame by frame, each person would seem to leave the picture at every
    /// frame of the other camera. So each person is followed in their own frames, and the two grids are joined point
    /// by point, as live did.
    /// </summary>
    private static IObservable<FeatureSample> LandmarkFeatures(IObservable<PoseFrame> poses, VideoInput.PoseTable table, FeatureGridOptions grid)
    {
        if (!table.OneCameraPerPerson)
            return poses.ExtractBodyFeatures().ResampleToGrid(grid);
        IObservable<FeatureSample> OnItsOwn(Participant who) => poses
            .Where(frame => frame.Of(who) is not null)
            .Select(frame => new PoseFrame(frame.Time, [frame.Of(who)!]))
            .ExtractBodyFeatures()
            .ResampleToGrid(grid);
        return FeatureObservable.JoinSides(OnItsOwn(Participant.A), OnItsOwn(Participant.B), grid, CameraPatience);
    }

    private static (long Frames, long WithPeople, MediaTime? Last, string? Error) FromTable(
        VideoInput.PoseTable table, AnalyzeRequest request, Sinks sinks, CancellationToken cancellation)
    {
        long frames = 0, withPeople = 0;
        MediaTime? last = null;
        foreach (var pose in table.Frames?.Invoke() ?? PoseCsvReader.Read(table.Path, table.CompleteLength))
        {
            if (cancellation.IsCancellationRequested || (request.End is { } end && pose.Time.Seconds >= end))
                break;
            if (!request.Includes(pose.Time))
                continue;
            sinks.Deliver(pose, null, null, ref frames, ref withPeople);
            last = pose.Time;
        }

        return (frames, withPeople, last, null);
    }

    /// <summary>Each frame's face features after its body features and pixel motion, when the face stage runs.</summary>
    /// <remarks>The face model runs on the frames the landmark model measured; the faces between are placed like the poses, one per frame in order, so Zip still pairs each frame's body with its face.</remarks>
    private static IObservable<FeatureFrame> WithFaces(IObservable<FeatureFrame> body, IObservable<FaceFrame>? faces) => faces is null
        ? body
        : body.Zip(faces.InterpolateSkippedFrames().ExtractFaceFeatures(), (b, f) => b with { A = [.. b.A, .. f.A], B = [.. b.B, .. f.B] });

    /// <summary>The grid sample with OpenFace's face features at its index after the body's (missing past the faces' end).</summary>
    private static FeatureSample WithOpenFace(FeatureSample sample, IReadOnlyList<FeatureSample> faces)
    {
        if (sample.Index < faces.Count)
        {
            var face = faces[(int)sample.Index];
            return sample with { A = [.. sample.A, .. face.A], B = [.. sample.B, .. face.B] };
        }

        var none = Enumerable.Repeat(double.NaN, FaceFeatures.Names.Length).ToArray();
        return sample with { A = [.. sample.A, .. none], B = [.. sample.B, .. none] };
    }

    private static PixelMotionSample Unseen(MediaTime time, Participant participant) => new(time, participant, double.NaN, default, FromLandmarks: false);

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>Where each analysed frame goes: the poses (on to pose.csv and the features), the pixel motion and the faces.</summary>
    private sealed record Sinks(IObserver<PoseFrame> Poses, IObserver<PixelMotionFrame> Pixels, IObserver<FaceFrame>? Faces)
    {
        public void Deliver(PoseFrame pose, PixelMotionFrame? pixels, FaceFrame? faces, ref long frames, ref long withPeople)
        {
            Poses.OnNext(pose);
            if (pixels is not null)
                Pixels.OnNext(pixels);
            if (faces is not null)
                Faces?.OnNext(faces);
            frames++;
            if (pose.People.Count > 0)
                withPeople++;
        }
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
