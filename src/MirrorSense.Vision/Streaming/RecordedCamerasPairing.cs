using MirrorSense.Core;

namespace MirrorSense.Vision.Streaming;

/// <summary>
/// One recorded camera per person, the recordings started together: frame k of each is one moment, so frame k of the
/// two goes on as one pose frame at the first camera's time, each person with the pixel motion of their own camera.
/// Once a camera has ended, the other's frames go on alone, its side empty and its person's pixel motion missing.
/// The first camera shows A and the second B.
/// </summary>
internal sealed class RecordedCamerasPairing : QueuedPairing<PoseFrame, PoseFrame>
{
    protected override void Release(List<PoseFrame> released)
    {
        while (true)
        {
            var (a, b) = (Next(0), Next(1));
            if (a is not null && b is not null)
                released.Add(Joined(Take(0), Take(1)));
            else if (a is not null && HasEnded(1))
                released.Add(Joined(Take(0), null));
            else if (b is not null && HasEnded(0))
                released.Add(Joined(null, Take(1)));
            else
                return;
        }
    }

    private static PoseFrame Joined(PoseFrame? a, PoseFrame? b)
    {
        var time = (a ?? b)!.Time;
        var motion = new PixelMotionFrame(time, a?.Motion?.A ?? Unseen(time, Participant.A), b?.Motion?.B ?? Unseen(time, Participant.B));
        return new PoseFrame(time, [.. a?.People ?? [], .. b?.People ?? []])
        {
            Measured = (a?.Measured ?? true) && (b?.Measured ?? true),
            Motion = motion,
        };
    }

    private static PixelMotionSample Unseen(MediaTime time, Participant participant) => new(time, participant, double.NaN, default, FromLandmarks: false);
}
