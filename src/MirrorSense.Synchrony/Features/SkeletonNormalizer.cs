using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// Puts a skeleton in body units (MEASURES.md §2). The origin is always the mid-shoulder point, never
/// the mid-hip point: seated people's hips flicker in and out of view behind tables and laps, and an
/// origin that jumps by a torso length whenever they do would show up as movement in every landmark.
/// The hips still serve where they are needed (the torso axis of the lean angles).
/// </summary>
public static class SkeletonNormalizer
{
    /// <summary>
    /// The normalised skeleton, or null when the person gives no unit: either shoulder below the
    /// visibility threshold, or the shoulders too close together to measure by.
    /// </summary>
    public static NormalizedPose? Normalize(PersonPose person, MediaTime time, BodyFeatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        options ??= BodyFeatureOptions.Default;
        if (person.Landmarks.Count != Skeleton.LandmarkCount)
            throw new ArgumentException($"A pose has {Skeleton.LandmarkCount} landmarks; participant {person.Participant}'s has {person.Landmarks.Count}.", nameof(person));

        var threshold = options.VisibilityThreshold;
        var left = person[Skeleton.LeftShoulder];
        var right = person[Skeleton.RightShoulder];
        if (!(left.Visibility >= threshold) || !(right.Visibility >= threshold))
            return null;
        double dx = left.X - right.X, dy = left.Y - right.Y;
        var width = Math.Sqrt(dx * dx + dy * dy);
        if (!(width >= options.MinimumShoulderWidthPixels))
            return null;

        var originX = (left.X + (double)right.X) / 2;
        var originY = (left.Y + (double)right.Y) / 2;
        var originZ = (left.Z + (double)right.Z) / 2;
        var landmarks = new NormalizedLandmark[Skeleton.LandmarkCount];
        for (var i = 0; i < landmarks.Length; i++)
        {
            var l = person[i];
            // Image y grows downwards and BlazePose z grows away from the camera; both flip so the frame is right-handed with y up.
            // A point without depth (NaN z: 2-D keypoints) keeps its place in the picture; only what needs depth goes missing.
            landmarks[i] = l.Visibility >= threshold && float.IsFinite(l.X) && float.IsFinite(l.Y) && !float.IsInfinity(l.Z)
                ? new NormalizedLandmark((l.X - originX) / width, (originY - l.Y) / width, (originZ - l.Z) / width, l.Visibility)
                : NormalizedLandmark.Missing(l.Visibility);
        }

        return new NormalizedPose(time, person.Participant, ImmutableArray.Create(landmarks), width);
    }
}
