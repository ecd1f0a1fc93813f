using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// A landmark in body units: origin at the mid-shoulder point, one unit = the shoulder width, x to the
/// viewer's right, y up, z towards the camera (a right-handed frame). A missing landmark (below the
/// visibility threshold) has NaN coordinates; a present one from a source without depth (2-D keypoints) has NaN z only.
/// </summary>
public readonly record struct NormalizedLandmark(double X, double Y, double Z, double Visibility)
{
    public static NormalizedLandmark Missing(double visibility) => new(double.NaN, double.NaN, double.NaN, visibility);

    public bool IsPresent => !double.IsNaN(X);
}

/// <summary>
/// One person's skeleton in one frame, normalised (MEASURES.md §2) so that distance from the camera and
/// position in the frame drop out: what is left is posture and movement of the body itself.
/// </summary>
/// <param name="ShoulderWidthPixels">The unit, kept so body units can be turned back into pixels.</param>
public sealed record NormalizedPose(MediaTime Time, Participant Participant, ImmutableArray<NormalizedLandmark> Landmarks, double ShoulderWidthPixels)
{
    public NormalizedLandmark this[int landmark] => Landmarks[landmark];
}
