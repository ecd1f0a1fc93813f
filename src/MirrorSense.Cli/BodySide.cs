using System.Reactive.Concurrency;
using System.Reactive.Linq;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Sessions.Features;
using MirrorSense.Sessions.Pose;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Vision;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Streaming;
using OpenCvSharp;

namespace MirrorSense.Cli;

/// <summary>What the body side of a session produced: the feature series on the grid, and what happened on the way.</summary>
/// <param name="LastFrame">Media time of the last frame analysed (the body side's end), null when none was.</param>
/// <param name="Error">Why reading stopped early (a damaged video), null when it ran to the end.</param>
/// <param name="Measured">Every feature measured (features.csv's); <paramref name="Features"/> keeps those asked for.</param>
internal sealed record BodySideResult(FeatureSeries Features, FeatureSchema Measured, long Frames, long FramesWithPeople, MediaTime? LastFrame, IReadOnlyList<string> Warnings, string? Error);

/// <summary>
/// The video part of the graph, composed: frames → the pose stage (skeletons, with each picture's pixel motion and,
/// with faces, the faces on the same pose frame) → the offline refinement → pose.csv, and those pose frames → features
/// on the grid → features.csv, as the frames arrive. Only the grid features the measures read are kept, so memory grows
/// with the session by a few numbers per grid point.
/// </summary>
internal static class BodySide
{
    /// <summary>One camera per person: how long a grid point (or a skeleton) waits for the other camera before going on without it.</summary>
    public static readonly TimeSpan CameraPatience = TimeSpan.FromSeconds(1);

    /// <param name="openFace">Both people's face features from OpenFace on the same grid (<see cref="FaceFeatures.Names"/>), to go beside the body's; null: none.</param>
    /// <param name="kept">The features the result keeps for what follows (every feature goes to features.csv as it comes).</param>
    public static BodySideResult Run(AnalyzeRequest request, IReadOnlyList<FeatureSample>? openFace, IEnumerable<string> kept, IProgress<double>? progress, CancellationToken cancellation)
    {
        var video = request.Video ?? throw new InvalidOperationException("The session has no video.");
        var grid = new FeatureGridOptions(Origin: request.StartTime);
        var posePath = Path.Combine(request.Output, "pose.csv");
        // Re-analysing a folder reads its own pose.csv: that table is already the output.
        using var poseCsv = video is VideoInput.PoseTable input && SameFile(input.Path, posePath) ? null : new PoseCsvWriter(new StreamWriter(posePath));
        // A pose table has no pictures, so no pixel motion or faces unless a live recording measured them; the face stage needs
        // the pictures of both people in one frame (the command refuses --face otherwise).
        var measured = video switch
        {
            VideoInput.PoseTable { Pictures: null } => PoseFrameFeatures.Landmarks,
            VideoInput.PoseTable { Pictures: { } recorded } => recorded.Features,
            VideoInput.Shared => new PoseFrameFeatures(PixelMotion: true, Faces: request.Faces),
            _ => PoseFrameFeatures.WithPixelMotion,
        };
        var schema = openFace is null ? measured.Schema : measured.Schema.Then(FaceFeatures.Schema);
        using var featureCsv = new FeatureCsvWriter(new StreamWriter(Path.Combine(request.Output, "features.csv")), schema);

        using var reading = new Reading(request, progress, cancellation);
        var poses = (video switch
        {
            VideoInput.Shared shared => reading.OneCamera(shared.Path, measured.Faces),
            VideoInput.PerParticipant both => reading.TwoCameras(both),
            VideoInput.PoseTable table => reading.Table(table),
            _ => throw new InvalidOperationException("Unknown video input."),
        }).Do(reading.Count).Publish();

        var features = video switch
        {
            // The recording's values already lie on a grid: they are matched to this one's times, not resampled again.
            VideoInput.PoseTable { Pictures: { } recorded } table => LandmarkFeatures(poses, table, grid).Select(sample => recorded.Join(sample, grid.SampleRate)),
            VideoInput.PoseTable table => LandmarkFeatures(poses, table, grid),
            // Two cameras' people are joined into one pose frame, but their pictures share no space to measure a distance in.
            VideoInput.PerParticipant => poses.ExtractFeatures(measured).Select(WithoutPartnerDistance).ResampleToGrid(grid),
            _ => poses.ExtractFeatures(measured).ResampleToGrid(grid),
        };
        if (openFace is not null)
            features = features.Select(sample => WithOpenFace(sample, openFace));

        var series = new FeatureSeriesBuilder(schema, kept, grid);
        var done = new TaskCompletionSource();
        // The frames may come on reading threads (two cameras), so a table that cannot be written ends the run here
        // rather than on those threads; the pose stage's failures reach the features' subscription, which ends the run with them.
        Action<T> Guarded<T>(Action<T> write) => value =>
        {
            if (done.Task.IsCompleted)
                return;
            try
            {
                write(value);
            }
            catch (Exception error)
            {
                done.TrySetException(error);
                reading.Stop();
            }
        };
        using (poseCsv is null ? null : poses.Subscribe(Guarded<PoseFrame>(poseCsv.Write), _ => { }))
        using (features.Subscribe(
            Guarded<FeatureSample>(sample =>
            {
                series.Add(sample);
                featureCsv.Write(sample);
            }),
            error => done.TrySetException(error),
            () => done.TrySetResult()))
        using (poses.Connect())
        {
            done.Task.GetAwaiter().GetResult();
        }

        return new BodySideResult(series.ToSeries(), schema, reading.Frames, reading.FramesWithPeople, reading.Last, reading.Warnings(), reading.Error);
    }

    /// <summary>
    /// The recorded frames of a session through the pose stage, within the asked range, until cancelled or until a
    /// damaged video stops them (its message kept, the frames before it analysed); and what went through.
    /// </summary>
    private sealed class Reading(AnalyzeRequest request, IProgress<double>? progress, CancellationToken cancellation) : IDisposable
    {
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        private FaceStatistics? _faces;
        private string? _error;

        public long Frames { get; private set; }

        public long FramesWithPeople { get; private set; }

        public MediaTime? Last { get; private set; }

        public string? Error => Volatile.Read(ref _error);

        /// <summary>Stops reading after the frames under way (when what the frames feed has failed).</summary>
        public void Stop() => _stop.Cancel();

        public void Dispose() => _stop.Dispose();

        /// <summary>Both people in one video: its frames estimated, measured and refined on this thread.</summary>
        public IObservable<PoseFrame> OneCamera(string path, bool faces)
        {
            var measures = faces
                ? PictureMeasures.PixelMotionOnly with { Faces = () => new FaceStage(request.Pose.ModelFolder, request.Pose.IntraOpNumThreads) }
                : PictureMeasures.PixelMotionOnly;
            var poses = Pictures(path, ImmediateScheduler.Instance, reportsProgress: true)
                .EstimatePoses(request.Pose, PoseFlow.Offline, ImmediateScheduler.Instance, measures)
                .Do(update => _faces = update.Faces)
                .Select(update => update.Poses)
                .RefineOffline(request.Pose.Smoothing);
            // The face model runs where the landmark model did; the faces between are placed like the poses.
            return faces ? poses.InterpolateSkippedFaces() : poses;
        }

        /// <summary>
        /// One video per person, started together: each refined on its own (a camera may end first, and its person's
        /// last frames are placed as at the end of any stream), the two landmark models side by side on threads of
        /// their own, and frame k of the two paired.
        /// </summary>
        public IObservable<PoseFrame> TwoCameras(VideoInput.PerParticipant videos)
        {
            IObservable<PoseFrame> Camera(string path, Participant shows, bool reportsProgress) =>
                Pictures(path, NewThreadScheduler.Default, reportsProgress)
                    .EstimatePoses(request.Pose with { MaxPeople = 1, Only = shows }, PoseFlow.Offline, ImmediateScheduler.Instance, PictureMeasures.PixelMotionOnly)
                    .Select(update => update.Poses)
                    .RefineOffline(request.Pose.Smoothing);
            return PoseObservable.PairRecordedCameras(Camera(videos.PathA, Participant.A, true), Camera(videos.PathB, Participant.B, false));
        }

        /// <summary>A pose table's frames within the range, as they were written.</summary>
        public IObservable<PoseFrame> Table(VideoInput.PoseTable table) =>
            (table.Frames?.Invoke() ?? PoseCsvReader.Read(table.Path, table.CompleteLength)).ToObservable(ImmediateScheduler.Instance)
                .TakeWhile(pose => !_stop.IsCancellationRequested && !(request.End is { } end && pose.Time.Seconds >= end))
                .Where(pose => request.Includes(pose.Time));

        public void Count(PoseFrame pose)
        {
            Frames++;
            if (pose.People.Count > 0)
                FramesWithPeople++;
            Last = pose.Time;
        }

        public IReadOnlyList<string> Warnings()
        {
            var warnings = new List<string>();
            if (Frames > FramesWithPeople)
                warnings.Add($"no one was found in {Frames - FramesWithPeople} of {Frames} frames: body measures are missing there, not zero.");
            foreach (var participant in new[] { Participant.A, Participant.B })
            {
                if (_faces?.Missing(participant) is > 0 and var missing)
                    warnings.Add($"{participant}'s face was not found in {missing} of the frames they were in (turned away, covered or too small): face features are missing there, not zero.");
            }

            return warnings;
        }

        /// <summary>A video's frames in the asked range, decoded a few ahead; a damaged file ends them (and the other camera's) early.</summary>
        private IObservable<Stamped<Mat>> Pictures(string path, IScheduler scheduler, bool reportsProgress) => Observable.Using(
            () => new ReadAheadVideoSource(new VideoFileSource(path)),
            source => source.Frames(scheduler)
                .TakeWhile(frame => !_stop.IsCancellationRequested && !(request.End is { } end && frame.Time.Seconds >= end))
                .Where(frame => request.Includes(frame.Time))
                .Do(frame =>
                {
                    if (reportsProgress)
                        Report(frame.Time, source.Format);
                })
                .Catch<Stamped<Mat>, VideoSourceException>(error =>
                {
                    Interlocked.CompareExchange(ref _error, error.Message, null);
                    _stop.Cancel();
                    return Observable.Empty<Stamped<Mat>>();
                }));

        private void Report(MediaTime time, VideoFormat format)
        {
            if (progress is null)
                return;
            var end = request.End ?? (format.FrameCount is { } count && format.FramesPerSecond > 0 ? count / format.FramesPerSecond : double.NaN);
            if (double.IsFinite(end) && end > request.Start)
                progress.Report(Math.Clamp((time.Seconds - request.Start) / (end - request.Start), 0, 1));
        }
    }

    private static FeatureFrame WithoutPartnerDistance(FeatureFrame frame)
    {
        var index = frame.Schema.IndexOf(BodyFeatures.PartnerDistance);
        return frame with { A = frame.A.SetItem(index, double.NaN), B = frame.B.SetItem(index, double.NaN) };
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

    /// <summary>The grid sample with OpenFace's face features at its index after the body's (missing past the faces' end).</summary>
    private static FeatureSample WithOpenFace(FeatureSample sample, IReadOnlyList<FeatureSample> faces)
    {
        if (sample.Index < faces.Count)
        {
            var face = faces[(int)sample.Index];
            return sample.Then(face.Schema, face.A.AsSpan(), face.B.AsSpan());
        }

        var none = Enumerable.Repeat(double.NaN, FaceFeatures.Schema.Count).ToArray();
        return sample.Then(FaceFeatures.Schema, none, none);
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
