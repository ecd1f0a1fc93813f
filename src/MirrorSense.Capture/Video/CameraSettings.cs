namespace MirrorSense.Capture.Video;

/// <summary>
/// Which camera and how: <paramref name="Device"/> is an index ("0"), a device path ("/dev/video2") or a
/// stream such as a named pipe fed by ffmpeg; 0 for width, height or fps keeps the camera's default.
/// </summary>
public sealed record CameraSettings(string Device, int Width = 0, int Height = 0, double FramesPerSecond = 0);
