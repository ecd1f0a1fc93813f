using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Faces;

/// <summary>How often each person was in view without a trusted face: turned away, covered, too small or lost.</summary>
public sealed record FaceStatistics(long Frames, long MissingA, long MissingB)
{
    public long Missing(Participant participant) => participant == Participant.A ? MissingA : MissingB;
}

/// <summary>
/// The faces of up to two tracked people in one frame: each person slot has its own face model and
/// <see cref="FaceTracker"/>, and the two run side by side. Frames in which a person in view has no trusted face are counted.
/// </summary>
public sealed class FaceStage : IDisposable
{
    private readonly FaceLandmarker _landmarkerA;
    private readonly FaceLandmarker _landmarkerB;
    private readonly FaceTracker _trackerA;
    private readonly FaceTracker _trackerB;
    private long _frames;
    private long _missingA;
    private long _missingB;

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

    public FaceStatistics Statistics => new(_frames, _missingA, _missingB);

    /// <summary>The faces of the people in <paramref name="pose"/>, found in <paramref name="frame"/> (8-bit BGR) taken at the pose's time.</summary>
    public FaceFrame Estimate(Mat frame, PoseFrame pose)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(pose);
        var (a, b) = (pose.Of(Participant.A), pose.Of(Participant.B));
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
        return new FaceFrame(pose.Time, faces);
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
