using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features.Face;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// The features a pose frame gives, in the order of <see cref="Names"/>: its landmarks' always (<see cref="BodyFeatures.Names"/>),
/// then what the pose stage measured on its picture when asked for: the pixel motion (<see cref="PoseFrame.Motion"/>)
/// and the people's face features (<see cref="PoseFrame.Faces"/>, <see cref="FaceFeatures.Names"/>). A frame that
/// carries none of a part asked for gives missing values there, never zeros.
/// </summary>
public sealed record PoseFrameFeatures(bool PixelMotion = false, bool Faces = false)
{
    /// <summary>Landmark features only: poses without pictures (a pose table, OpenPose keypoints).</summary>
    public static PoseFrameFeatures Landmarks { get; } = new();

    /// <summary>Landmark features and pixel motion: what a camera's or a video's frames give.</summary>
    public static PoseFrameFeatures WithPixelMotion { get; } = new(PixelMotion: true);

    public ImmutableArray<string> Names =>
        [.. BodyFeatures.Names, .. PixelMotion ? [BodyFeatures.PixelMotion] : Array.Empty<string>(), .. Faces ? FaceFeatures.Names : []];

    /// <summary>The rows these features make: <see cref="Names"/>.</summary>
    public FeatureSchema Schema => new(Names);

    /// <summary>What the pose stage's picture adds to the landmarks' features: pixel motion and faces, as asked for.</summary>
    internal FeatureSchema PictureSchema => new([.. PixelMotion ? [BodyFeatures.PixelMotion] : Array.Empty<string>(), .. Faces ? FaceFeatures.Names : []]);
}
