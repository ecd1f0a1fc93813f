using MirrorSense.Core;
using MirrorSense.Vision.Imaging;
using MirrorSense.Vision.Tracking;
using OpenCvSharp;

namespace MirrorSense.Vision.Faces;

/// <summary>
/// One person's face from frame to frame (MediaPipe Holistic's face path): the region comes from the body pose's face
/// points until a face is found, then from the previous mesh while its score holds; when the score falls under
/// <see cref="FaceMesh.MinScore"/> the pose region is tried once more in the same frame, and failing that the face is
/// missing (null) until it is found again. A tracked region whose centre lies more than <see cref="FollowShare"/> of its
/// side from where the pose puts the face (the face moved fast, or the region slid onto the partner) is dropped for the
/// pose's. When the mesh's own region lies well off the region it was found in (as when a face is just found from the
/// pose), the model runs once more on the mesh's region, as MediaPipe's next frame would. One instance per person slot.
/// </summary>
public sealed class FaceTracker(FaceLandmarker landmarker, SmoothingOptions? smoothing = null)
{
    /// <summary>Faces whose region is smaller than this many pixels are missing without running the model: their eyes are a few pixels apart.</summary>
    public const float MinRegionSize = 40;

    /// <summary>
    /// The face's smoothing: One-Euro, 3 Hz when still (the body's is 1.5 Hz), 0.1 Hz more per pixel per second, so a
    /// still face keeps well under a pixel of jitter and a quick smile or nod lags by about a frame.
    /// </summary>
    public static SmoothingOptions Smoothing { get; } = new(MinCutoff: 3, Beta: 0.1);

    /// <summary>
    /// How far, as a share of the region's side, the pose may put the face from the tracked region before the pose's region
    /// is taken instead: the two differ by about 0.05 for a still face (the pose region's centre is a guess from eyes and
    /// mouth), and a face that jumps further within one frame comes back from a stale region pulled towards its middle
    /// (a 60 px jump of a face whose eyes are 70 px apart read as 48 px).
    /// </summary>
    public const float FollowShare = 0.25f;

    /// <summary>How far, as a share of the region's side, the mesh's own region may lie from the one it was found in before it is looked at again.</summary>
    public const float RefineShare = 0.1f;

    private readonly SmoothingOptions _smoothing = smoothing ?? Smoothing;
    private RegionOfInterest? _tracked;
    private FaceMeshSmoother? _smoother;

    /// <summary>The person's trusted face in <paramref name="frame"/>, or null when the person or their face is not there.</summary>
    public FaceMesh? Track(Mat frame, PersonPose? person, MediaTime time)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (person is null)
            return Lose();
        var fromPose = FaceRegions.FromPose(person.Landmarks);
        var region = _tracked is { } tracked && tracked.Center.DistanceTo(fromPose.Center) <= FollowShare * MathF.Max(tracked.Size, fromPose.Size) ? tracked : fromPose;
        var mesh = Estimate(frame, region, time);
        if (mesh is not { IsTrusted: true } && region != fromPose)
            mesh = Estimate(frame, fromPose, time);
        if (mesh is not { IsTrusted: true } found)
            return Lose();
        var next = FaceRegions.FromMesh(found);
        if (next.Center.DistanceTo(region.Center) > RefineShare * region.Size && Estimate(frame, next, time) is { IsTrusted: true } refined)
        {
            found = refined;
            next = FaceRegions.FromMesh(refined);
        }

        _tracked = next;
        _smoother ??= new FaceMeshSmoother(_smoothing);
        return _smoother.Smooth(found);
    }

    private FaceMesh? Estimate(Mat frame, RegionOfInterest region, MediaTime time) =>
        float.IsFinite(region.Size) && region.Size >= MinRegionSize && float.IsFinite(region.Center.X) && float.IsFinite(region.Center.Y) && float.IsFinite(region.Rotation)
            ? landmarker.Estimate(frame, region, time)
            : null;

    /// <summary>Forgets the face, so the next one starts from the pose with fresh filters.</summary>
    private FaceMesh? Lose()
    {
        _tracked = null;
        _smoother = null;
        return null;
    }
}
