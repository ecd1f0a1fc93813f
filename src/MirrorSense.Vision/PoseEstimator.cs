using MirrorSense.Core;
using MirrorSense.Vision.Detection;
using MirrorSense.Vision.Imaging;
using MirrorSense.Vision.Landmarks;
using MirrorSense.Vision.Tracking;
using OpenCvSharp;

namespace MirrorSense.Vision;

/// <summary>
/// Frames → poses of up to two people, as MediaPipe's pose graph loops it: each tracked person's
/// region comes from the previous frame's alignment landmarks; the detector runs only when someone is
/// missing; a person is lost when the landmark model's pose probability drops below the threshold.
/// Sessions are opened once here; one landmark session per person slot, so two people can run in parallel.
/// Not thread-safe: one estimator per stream, frames in media-time order.
/// </summary>
public sealed class PoseEstimator : IPoseEstimator
{
    private readonly PoseOptions options;
    private readonly PoseDetector detector;
    private readonly PoseLandmarker[] landmarkers;
    private readonly ParticipantAssigner assigner;
    private readonly List<PersonTrack> tracks = [];
    private long frames;
    private long framesWithPeople;
    private long detectorRuns;
    private long framesWithExtraPeople;
    private int mostPeopleDetected;
    private long framesSinceDetection;
    private int eagerFrames;
    private long framesSinceLandmarks;
    private const int EagerFramesAfterLoss = 30;
    private const int MaxExtraCandidates = 2;

    public PoseEstimator(PoseOptions? options = null)
    {
        this.options = options ?? new PoseOptions();
        this.options.Validate();
        var files = PoseModelFiles.Locate(this.options.Model, this.options.ModelFolder);
        detector = new PoseDetector(files.Detector, this.options.IntraOpNumThreads, this.options.MinDetectionScore);
        landmarkers = [.. Enumerable.Range(0, this.options.MaxPeople).Select(_ => new PoseLandmarker(files.Landmarks, this.options.IntraOpNumThreads))];
        assigner = new ParticipantAssigner(this.options.Swap, this.options.IdentityMemoryOrDefault);
    }

    public PoseOptions Options => options;

    public PoseStatistics Statistics => new(frames, framesWithPeople, detectorRuns, framesWithExtraPeople, mostPeopleDetected);

    /// <summary>The poses in one BGR frame taken at <paramref name="time"/>.</summary>
    public PoseFrame Process(Mat frame, MediaTime time)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Empty() || frame.Type() != MatType.CV_8UC3)
            throw new ArgumentException("Frames must be non-empty 8-bit BGR images.", nameof(frame));
        frames++;
        if (frames > 1 && ++framesSinceLandmarks < options.LandmarkEvery)
            return Carried(time);
        framesSinceLandmarks = 0;
        var trackedBefore = tracks.Count;
        var poses = FollowTracked(frame, time);
        DropDuplicates(poses);
        framesSinceDetection++;
        // Someone just lost is looked for in this same frame and in each of the next 30 (a second at 30 fps),
        // so a dip in the pose score costs no frame or only a few.
        if (tracks.Count < trackedBefore)
            eagerFrames = EagerFramesAfterLoss;
        var due = tracks.Count == 0 || eagerFrames > 0 || framesSinceDetection >= options.RedetectEveryFrames;
        eagerFrames = Math.Max(0, eagerFrames - 1);
        if (tracks.Count < options.MaxPeople && due)
            poses.AddRange(FindNewcomers(frame, time));
        foreach (var track in tracks)
            assigner.Seen(track.Participant, track.Position.X, time);
        if (poses.Count > 0)
            framesWithPeople++;
        return new PoseFrame(time, [.. poses.OrderBy(p => p.Participant)]);
    }

    /// <summary>A frame the landmark model skips: the people tracked, as last measured.</summary>
    private PoseFrame Carried(MediaTime time)
    {
        if (tracks.Count > 0)
            framesWithPeople++;
        return new PoseFrame(time, [.. tracks.OrderBy(t => t.Participant).Select(t => new PersonPose(t.Participant, t.Landmarks))]) { Measured = false };
    }

    private List<PersonPose> FollowTracked(Mat frame, MediaTime time)
    {
        var estimates = new LandmarkEstimate[tracks.Count];
        if (options.ParallelPeople && tracks.Count > 1)
            Parallel.For(0, tracks.Count, i => estimates[i] = landmarkers[i].Estimate(frame, tracks[i].Region));
        else
            for (var i = 0; i < tracks.Count; i++)
                estimates[i] = landmarkers[i].Estimate(frame, tracks[i].Region);

        var poses = new List<PersonPose>();
        var kept = new List<PersonTrack>();
        for (var i = 0; i < tracks.Count; i++)
        {
            if (estimates[i].PoseScore < options.MinTrackingScore || tracks[i].JumpsAway(estimates[i]))
                continue;   // lost: the detector will look for this person again
            poses.Add(tracks[i].Update(estimates[i], time));
            kept.Add(tracks[i]);
        }

        tracks.Clear();
        tracks.AddRange(kept);
        return poses;
    }

    /// <summary>Two tracks that drifted onto one person (e.g. while people cross): keep the older.</summary>
    private void DropDuplicates(List<PersonPose> poses)
    {
        for (var i = tracks.Count - 1; i > 0; i--)
        {
            for (var j = 0; j < i; j++)
            {
                if (Boxes.IntersectionOverUnion(tracks[i].BodyBounds(), tracks[j].BodyBounds()) > 0.5f || tracks[j].IsSamePerson(tracks[i].Landmarks))
                {
                    poses.RemoveAll(p => p.Participant == tracks[i].Participant);
                    tracks.RemoveAt(i);
                    break;
                }
            }
        }
    }

    private List<PersonPose> FindNewcomers(Mat frame, MediaTime time)
    {
        framesSinceDetection = 0;
        detectorRuns++;
        var detections = detector.Detect(frame);
        mostPeopleDetected = Math.Max(mostPeopleDetected, detections.Count);
        var untracked = detections.Where(d => !tracks.Any(t => Covers(t, d))).ToList();
        if (tracks.Count + untracked.Count > options.MaxPeople)
            framesWithExtraPeople++;

        // The most prominent (largest body circle) people first; each must be confirmed by the landmark
        // model in this frame, and must not be someone already confirmed.
        var found = new List<(LandmarkEstimate Estimate, RegionOfInterest Region)>();
        // Candidates tried are capped, so a frame full of weak detections costs a bounded number of landmark runs.
        var free = options.MaxPeople - tracks.Count;
        foreach (var detection in untracked.OrderByDescending(d => d.Region().Size).Take(free + MaxExtraCandidates))
        {
            if (found.Count >= free)
                break;
            var region = detection.Region();
            var estimate = landmarkers[tracks.Count + found.Count].Estimate(frame, region);
            if (estimate.PoseScore >= options.MinPoseScore
                && !tracks.Any(t => t.IsSamePerson(estimate.Body))
                && !found.Any(f => Boxes.IntersectionOverUnion(VisibleBounds(f.Estimate.Body), VisibleBounds(estimate.Body)) > 0.5f))
                found.Add((estimate, region));
        }

        var participants = options.Only is { } only
            ? [.. found.Select(_ => (Participant?)only)]
            : assigner.Assign([.. found.Select(f => f.Estimate.AlignmentCenter.X)], [.. tracks.Select(t => t.Participant)], frame.Width, time);
        var poses = new List<PersonPose>();
        for (var i = 0; i < found.Count; i++)
        {
            if (participants[i] is not { } participant)
                continue;
            var track = new PersonTrack(participant, found[i].Region, options.Smoothing);
            poses.Add(track.Update(found[i].Estimate, time));
            tracks.Add(track);
        }

        return poses;
    }

    /// <summary>A detection is of a tracked person when its face box centre lies within that person's visible body.</summary>
    private static bool Covers(PersonTrack track, PersonDetection detection)
    {
        var (left, top, right, bottom) = track.BodyBounds();
        var margin = 0.1f * Math.Max(right - left, bottom - top);
        return detection.Center.X >= left - margin && detection.Center.X <= right + margin
            && detection.Center.Y >= top - margin && detection.Center.Y <= bottom + margin;
    }

    private static (float Left, float Top, float Right, float Bottom) VisibleBounds(IReadOnlyList<PoseLandmark> body) =>
        PersonTrack.Bounds(body) ?? (0, 0, 0, 0);

    /// <summary>
    /// Frees the model sessions once, however many times and from however many threads it is called: a live pose
    /// stage releases its estimator on the thread that finishes the last frame, possibly while its owner does too,
    /// and freeing a native session twice crashes the process.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        detector.Dispose();
        foreach (var landmarker in landmarkers)
            landmarker.Dispose();
    }

    private int disposed;
}
