namespace MirrorSense.Capture.Video;

/// <summary>A video source cannot be opened or stopped delivering frames; the message says which and why, for people.</summary>
public sealed class VideoSourceException(string message) : Exception(message);
