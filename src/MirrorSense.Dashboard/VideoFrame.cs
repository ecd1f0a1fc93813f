using MirrorSense.Core;

namespace MirrorSense.Dashboard;

/// <summary>
/// One camera frame already encoded as JPEG by the caller, at its capture media time. The dashboard only
/// forwards these bytes, so it never needs an image library; the bytes must not be changed after hand-over.
/// </summary>
public sealed record VideoFrame(MediaTime Time, ReadOnlyMemory<byte> Jpeg);
