namespace MirrorSense.Capture.Video;

/// <summary>Frame size in pixels and nominal frame rate (0 when the source does not say); <paramref name="FrameCount"/> is null for live sources.</summary>
public sealed record VideoFormat(int Width, int Height, double FramesPerSecond, long? FrameCount);
