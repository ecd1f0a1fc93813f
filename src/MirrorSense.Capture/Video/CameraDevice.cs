namespace MirrorSense.Capture.Video;

/// <summary>
/// A camera this machine offers: <paramref name="Device"/> is what <see cref="CameraSettings.Device"/> takes
/// (a V4L2 path such as /dev/video0, or an OpenCV index elsewhere), <paramref name="Name"/> what the driver calls it.
/// <paramref name="ExtraNode"/> marks a further V4L2 node of the same device (UVC cameras add one for metadata, which gives no picture).
/// </summary>
public sealed record CameraDevice(string Device, string Name, bool ExtraNode = false)
{
    public override string ToString() => ExtraNode ? $"{Device} ({Name}, extra node)" : $"{Device} ({Name})";
}
