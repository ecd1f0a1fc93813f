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

    private RegionOfInterest? lastMeasured;
    private IReadOnlyList<PoseLandmark>? lastRaw;

    /// <summary>
    /// Whether <paramref name="estimate"/> is someone else: its shoulder midpoint is more than a shoulder
    /// width away from last frame's. A body cannot move that far in a frame, but a large region left behind
    /// by a person who vanished can settle on the neighbour inside it.
    /// </summary>
    public bool JumpsAway(LandmarkEstimate estimate) =>
        lastRaw is not null && ShoulderDistance(lastRaw, estimate.Body) > 1.0f;

    /// <summary>
    /// Whether <paramref name="body"/> is this track's person: shoulder midpoints within half a shoulder width.
    /// Two people, even crossing, rarely come closer; a second region on one person lands there.
    /// </summary>
    public bool IsSamePerson(IReadOnlyList<PoseLandmark> body) =>
        lastRaw is not null && ShoulderDistance(lastRaw, body) < 0.5f;

    /// <summary>Distance between the shoulder midpoints of two poses, in shoulder widths of the first.</summary>
    private static float ShoulderDistance(IReadOnlyList<PoseLandmark> from, IReadOnlyList<PoseLandmark> to)
    {
        PointF2 At(IReadOnlyList<PoseLandmark> body, int i) => new(body[i].X, body[i].Y);
        var before = PointF2.Midpoint(At(from, Skeleton.LeftShoulder), At(from, Skeleton.RightShoulder));
        var now = PointF2.Midpoint(At(to, Skeleton.LeftShoulder), At(to, Skeleton.RightShoulder));
        var width = Math.Max(10f, At(from, Skeleton.LeftShoulder).DistanceTo(At(from, Skeleton.RightShoulder)));
        return before.DistanceTo(now) / width;
    }

    public PersonPose Update(LandmarkEstimate estimate, MediaTime time)
    {
        Landmarks = smoother.Smooth(estimate.Body, time);
        lastRaw = estimate.Body;
        var measured = estimate.NextRegion();
        Region = lastMeasured is { } last ? Extrapolate(last, measured) : measured;
        lastMeasured = measured;
        return new PersonPose(Participant, Landmarks);
    }

    /// <summary>
    /// Next frame's region, moved on by the last frame's change of centre and rotation (constant velocity).
    /// The landmark model reports only part of a body's tilt relative to its crop, so a crop that trails a
    /// moving body makes the landmarks trail it too; predicting the crop removes most of that lag (constructed
    /// dyads, ±14° at 2.5 s: best-fit lag 2–3 frames → 0–1, RMS 3.45° → 2.86°; slow leans change by ±0.2°).
    /// </summary>
    private static RegionOfInterest Extrapolate(RegionOfInterest previous, RegionOfInterest current)
    {
        var turn = RegionOfInterest.NormalizeRadians(current.Rotation - previous.Rotation);
        var centre = new PointF2(2 * current.Center.X - previous.Center.X, 2 * current.Center.Y - previous.Center.Y);
        return current with { Center = centre, Rotation = RegionOfInterest.NormalizeRadians(current.Rotation + turn) };
    }

    /// <summary>The axis-aligned box around the visible body landmarks, to tell whether two tracks follow one person.</summary>
    public (float Left, float Top, float Right, float Bottom) BodyBounds() => Bounds(Landmarks) ?? Region.Bounds();

    /// <summary>The box around the landmarks visible with probability ≥ 0.5; null when none is.</summary>
    public static (float Left, float Top, float Right, float Bottom)? Bounds(IReadOnlyList<PoseLandmark> landmarks)
    {
        var (left, top, right, bottom) = (float.MaxValue, float.MaxValue, float.MinValue, float.MinValue);
        foreach (var l in landmarks.Where(l => l.Visibility >= 0.5f))
        {
            (left, top) = (Math.Min(left, l.X), Math.Min(top, l.Y));
            (right, bottom) = (Math.Max(right, l.X), Math.Max(bottom, l.Y));
        }

        return left <= right ? (left, top, right, bottom) : null;
    }
}
