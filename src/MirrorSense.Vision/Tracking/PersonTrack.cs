using MirrorSense.Core;
using MirrorSense.Vision.Imaging;
using MirrorSense.Vision.Landmarks;

namespace MirrorSense.Vision.Tracking;

/// <summary>
/// One person followed from frame to frame: the region to look at next, the participant it was given,
/// and its own smoothing state (so two people never share filters).
/// </summary>
internal sealed class PersonTrack(Participant participant, RegionOfInterest region, SmoothingOptions smoothing)
{
    private readonly LandmarkSmoother smoother = new(smoothing);

    public Participant Participant { get; } = participant;

    public RegionOfInterest Region { get; private set; } = region;

    public IReadOnlyList<PoseLandmark> Landmarks { get; private set; } = [];

    /// <summary>The hip midpoint of the last frame: where the person stands, for left/right assignment.</summary>
    public PointF2 Position => Region.Center;

    public PersonPose Update(LandmarkEstimate estimate, MediaTime time)
    {
        Landmarks = smoother.Smooth(estimate.Body, time);
        Region = estimate.NextRegion();
        return new PersonPose(Participant, Landmarks);
    }

    /// <summary>The axis-aligned box around the body landmarks, to tell whether two tracks follow one person.</summary>
    public (float Left, float Top, float Right, float Bottom) BodyBounds()
    {
        if (Landmarks.Count == 0)
            return Region.Bounds();
        var (left, top, right, bottom) = (float.MaxValue, float.MaxValue, float.MinValue, float.MinValue);
        foreach (var l in Landmarks.Where(l => l.Visibility >= 0.5f))
        {
            (left, top) = (Math.Min(left, l.X), Math.Min(top, l.Y));
            (right, bottom) = (Math.Max(right, l.X), Math.Max(bottom, l.Y));
        }

        // Nothing visible: the region itself is the best guess of where the person is.
        return left <= right ? (left, top, right, bottom) : Region.Bounds();
    }
}
