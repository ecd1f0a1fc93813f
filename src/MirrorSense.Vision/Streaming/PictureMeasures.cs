using MirrorSense.Core;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Motion;
using OpenCvSharp;

namespace MirrorSense.Vision.Streaming;

/// <summary>
/// What the pose stage does with a frame's picture besides finding the skeletons, while the picture is at hand: the
/// picture is gone by the time its pose frame travels on, so everything that needs the pixels happens here and
/// rides on the pose frame (<see cref="PoseFrame.Motion"/>, <see cref="PoseFrame.Faces"/>) instead of being joined
/// to it downstream.
/// </summary>
public sealed record PictureMeasures
{
    /// <summary>
    /// Pixel motion of each frame (Motion Energy Analysis). Offline it is measured in the regions of the frame's own
    /// skeletons; live on every frame as it arrives (dropped frames too, since each picture is differenced with the one
    /// before), in the regions of the newest skeletons estimated by then. Null: none.
    /// </summary>
    public PixelMotionOptions? PixelMotion { get; init; }

    /// <summary>
    /// Opens the face stage, once per subscription (disposed with it): each estimated frame carries its people's faces.
    /// The face model runs at most every <see cref="FaceStage.Interval"/>, and live not while a newer frame waits for the
    /// body (see <see cref="LivePoseSink"/>). Null: none.
    /// </summary>
    public Func<FaceStage>? Faces { get; init; }

    /// <summary>
    /// Given each estimated frame's picture (lent for the call only) with its pose frame, after the measures above:
    /// for what draws on the picture, such as the overlay video. Null: nothing.
    /// </summary>
    public Action<Mat, PoseFrame>? Viewer { get; init; }

    /// <summary>Pixel motion only, with the default threshold: what analysis and live sessions measure.</summary>
    public static PictureMeasures PixelMotionOnly { get; } = new() { PixelMotion = PixelMotionOptions.Default };

    internal void Validate() => PixelMotion?.Validate();
}
