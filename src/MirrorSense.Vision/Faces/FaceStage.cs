using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Faces;

/// <summary>
/// How often each person was in view without a trusted face (turned away, covered, too small or lost), and on how many
/// frames the face model was put off so the body could keep up with a live camera (<see cref="FaceStage.PutOff"/>).
/// </summary>
public sealed record FaceStatistics(long Frames, long MissingA, long MissingB, long PutOff = 0)
{
    public long Missing(Participant participant) => participant == Participant.A ? MissingA : MissingB;
}

/// <summary>
/// The faces of up to two tracked people in one frame: each person slot has its own face model and
/// <see cref="FaceTracker"/>, and the two run side by side. Frames in which a person in view has no trusted face are counted.
/// The face model runs where the pose stage measured (<see cref="PoseFrame.Measured"/>), at most once per
/// <see cref="Interval"/>; on the other frames the faces of the last measured frame are carried (see
/// <see cref="Tracking.FaceInterpolation"/> to place them between).
/// </summary>
public sealed class FaceStage : IDisposable
{
    /// <summary>
    /// Faces are read at most fifteen times a second of media time, live and offline. A smile, a turn of the head or a
    /// nod (1.5–3 a second) takes a few hundred milliseconds and is followed at that rate (a real face tipped by known
    /// nods: 53 of 56 found, against 55 with every frame read), while the model on every frame of a 30 fps video made
    /// analyze 60–75 % slower on an AVX2-only 2-core machine and the live body's latency p95 61–90 ms instead of 51–57 ms
    /// without faces.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1.0 / 15);

    // A camera's frame times jitter by a millisecond or two, which must not push every other reading a frame later.
    private static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// How long a face is carried onto frames the model did not run on. Beyond it the face is missing rather than
    /// stale: under load a live camera's faces may be put off for many frames, and a smile held from seconds ago is
    /// not a smile now. Half a second, the gap the live body grid bridges.
    /// </summary>
    public static readonly TimeSpan LongestCarry = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// How long the faces may be put off for the body (<see cref="PutOff"/>) before the model runs anyway. A loaded
    /// machine then reads faces four times a second instead of not at all (a live CI run with every frame put off lost
    /// the smile on 29 % of the session), and half <see cref="LongestCarry"/> keeps every frame between within the carry.
    /// </summary>
    public static readonly TimeSpan LongestPutOff = TimeSpan.FromSeconds(0.25);

    private readonly FaceLandmarker _landmarkerA;
    private readonly FaceLandmarker _landmarkerB;
    private readonly FaceTracker _trackerA;
    private readonly FaceTracker _trackerB;
    private long _frames;
    private long _missingA;
    private long _missingB;
    private long _putOff;
    private FaceFrame? _lastMeasured;
    private MediaTime? _firstSeen;

    public FaceStage(string? modelFolder = null, int intraOpThreads = 1)
    {
        _landmarkerA = FaceLandmarker.Open(modelFolder, intraOpThreads);
        try
        {
            _landmarkerB = FaceLandmarker.Open(modelFolder, intraOpThreads);
        }
        catch
        {
            _landmarkerA.Dispose();
            throw;
        }

        _trackerA = new FaceTracker(_landmarkerA);
        _trackerB = new FaceTracker(_landmarkerB);
    }

    public FaceStatistics Statistics => new(_frames, _missingA, _missingB, _putOff);

    /// <summary>The faces of the people in <paramref name="pose"/>, found in <paramref name="frame"/> (8-bit BGR) taken at the pose's time.</summary>
    public FaceFrame Estimate(Mat frame, PoseFrame pose)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(pose);
        _firstSeen ??= pose.Time;
        var (a, b) = (pose.Of(Participant.A), pose.Of(Participant.B));
        if (_lastMeasured is { } last && (!pose.Measured || !Due(pose, last)))
            return Carried(pose, last);
        FaceMesh? meshA = null, meshB = null;
        if (a is not null && b is not null)
            Parallel.Invoke(() => meshA = _trackerA.Track(frame, a, pose.Time), () => meshB = _trackerB.Track(frame, b, pose.Time));
        else
            (meshA, meshB) = (_trackerA.Track(frame, a, pose.Time), _trackerB.Track(frame, b, pose.Time));
        _frames++;
        var faces = new List<PersonFace>(2);
        if (a is not null)
            faces.Add(Face(a, meshA, ref _missingA));
        if (b is not null)
            faces.Add(Face(b, meshB, ref _missingB));
        return _lastMeasured = new FaceFrame(pose.Time, faces);
    }

    /// <summary>
    /// The faces of a frame on which the face model is put off so the body keeps up with a live camera: carried from
    /// the last measured frame, and counted in <see cref="FaceStatistics.PutOff"/> when the model was due on it. Once
    /// the faces have gone unread for <see cref="LongestPutOff"/> they are read from <paramref name="frame"/> all the same.
    /// </summary>
    public FaceFrame PutOff(Mat frame, PoseFrame pose)
    {
        ArgumentNullException.ThrowIfNull(pose);
        var unreadSince = _lastMeasured?.Time ?? (_firstSeen ??= pose.Time);
        if (pose.Measured && (pose.Time < unreadSince || pose.Time - unreadSince >= LongestPutOff - Jitter))
            return Estimate(frame, pose);
        if (_lastMeasured is not { } last || (pose.Measured && Due(pose, last)))
            _putOff++;
        return Carried(pose, _lastMeasured);
    }

    /// <summary>Whether <see cref="Interval"/> has passed since the last measured faces (or time went back, a new source).</summary>
    private static bool Due(PoseFrame pose, FaceFrame last) => pose.Time < last.Time || pose.Time - last.Time >= Interval - Jitter;

    /// <summary>
    /// Each person of a frame the model did not run on with their face as last measured, if that was at most
    /// <see cref="LongestCarry"/> ago (none when it was not found, they were not in view then, or it is older).
    /// </summary>
    private FaceFrame Carried(PoseFrame pose, FaceFrame? last)
    {
        _frames++;
        var recent = last is not null && pose.Time - last.Time <= LongestCarry ? last : null;
        var faces = new List<PersonFace>(2);
        foreach (var person in pose.People)
        {
            var mesh = recent?.Of(person.Participant)?.Mesh;
            if (person.Participant == Participant.A)
                faces.Add(Face(person, mesh, ref _missingA));
            else
                faces.Add(Face(person, mesh, ref _missingB));
        }

        return new FaceFrame(pose.Time, faces) { Measured = false };
    }

    private static PersonFace Face(PersonPose person, FaceMesh? mesh, ref long missing)
    {
        if (mesh is null)
        {
            missing++;
            var nose = person[Skeleton.Nose];
            return new PersonFace(person.Participant, null, nose.X, nose.Y);
        }

        var (right, left) = (mesh[FaceMeshPoint.RightEyeOuter], mesh[FaceMeshPoint.LeftEyeOuter]);
        return new PersonFace(person.Participant, mesh, (right.X + left.X) / 2, (right.Y + left.Y) / 2);
    }

    public void Dispose()
    {
        _landmarkerA.Dispose();
        _landmarkerB.Dispose();
    }
}
