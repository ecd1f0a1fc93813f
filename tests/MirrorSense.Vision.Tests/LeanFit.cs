using MirrorSense.Core;

namespace MirrorSense.Vision.Tests;

/// <summary>How well a person's shoulder-line angle (degrees) follows a true lean, as a <see cref="SignalFit"/>.</summary>
public static class LeanFit
{
    /// <summary>The shoulder line's angle in degrees, counter-clockwise on screen, from the right shoulder to the left.</summary>
    public static double ShoulderAngle(PersonPose person)
    {
        var (l, r) = (person[Skeleton.LeftShoulder], person[Skeleton.RightShoulder]);
        return Math.Atan2(-(l.Y - r.Y), l.X - r.X) * 180 / Math.PI;
    }

    public static SignalFit Of(IReadOnlyList<PoseFrame> frames, Participant participant, Func<double, double> truth) => SignalFit.Of([..
        frames
            .Where(f => f.Of(participant) is not null)
            .Select(f => (ShoulderAngle(f.Of(participant)!), truth(f.Time.Seconds)))]);
}
