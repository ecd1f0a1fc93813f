namespace MirrorSense.Core;

/// <summary>A rectangle of the frame in pixels (x right, y down).</summary>
public readonly record struct PixelRegion(int X, int Y, int Width, int Height)
{
    public int Area => Width * Height;
}

/// <summary>
/// Pixel motion energy of one participant at one frame (Motion Energy Analysis): the number of pixels in
/// the participant's region whose grey level changed by more than the noise threshold since the previous
/// frame. NaN for the first frame, which has nothing to differ from.
/// </summary>
/// <param name="FromLandmarks">True when the region came from the participant's landmarks, false when it is their half of the frame.</param>
public sealed record PixelMotionSample(MediaTime Time, Participant Participant, double ChangedPixels, PixelRegion Region, bool FromLandmarks);

/// <summary>Both participants' pixel motion energy at one frame's media time.</summary>
public sealed record PixelMotionFrame(MediaTime Time, PixelMotionSample A, PixelMotionSample B)
{
    public PixelMotionSample this[Participant participant] => participant == Participant.A ? A : B;
}
