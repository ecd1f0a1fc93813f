using MirrorSense.Core;

namespace MirrorSense.Vision.Tests;

/// <summary>
/// How well a person's shoulder-line angle follows a true lean: Pearson correlation, and RMS error in
/// degrees after removing the constant offset (a photo's shoulders are rarely level to begin with).
/// </summary>
public sealed record LeanFit(double Correlation, double RmsDegrees, double OffsetDegrees, int Frames)
{
    /// <summary>The shoulder line's angle in degrees, counter-clockwise on screen, from the right shoulder to the left.</summary>
    public static double ShoulderAngle(PersonPose person)
    {
        var (l, r) = (person[Skeleton.LeftShoulder], person[Skeleton.RightShoulder]);
        return Math.Atan2(-(l.Y - r.Y), l.X - r.X) * 180 / Math.PI;
    }

    public static LeanFit Of(IReadOnlyList<PoseFrame> frames, Participant participant, Func<double, double> truth)
    {
        var pairs = frames
            .Where(f => f.Of(participant) is not null)
            .Select(f => (Measured: ShoulderAngle(f.Of(participant)!), True: truth(f.Time.Seconds)))
            .ToList();
        var (mx, my) = (pairs.Average(p => p.Measured), pairs.Average(p => p.True));
        var sxy = pairs.Sum(p => (p.Measured - mx) * (p.True - my));
        var sxx = pairs.Sum(p => (p.Measured - mx) * (p.Measured - mx));
        var syy = pairs.Sum(p => (p.True - my) * (p.True - my));
        var offset = mx - my;
        var rms = Math.Sqrt(pairs.Average(p => Math.Pow(p.Measured - offset - p.True, 2)));
        return new LeanFit(sxy / Math.Sqrt(sxx * syy), rms, offset, pairs.Count);
    }

    public override string ToString() => $"r = {Correlation:0.000}, RMS = {RmsDegrees:0.00}° after offset {OffsetDegrees:0.0}°, {Frames} frames";
}
