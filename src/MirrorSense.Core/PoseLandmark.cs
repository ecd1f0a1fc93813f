namespace MirrorSense.Core;

/// <summary>
/// One body landmark in the pixels of the input frame (x right, y down). <paramref name="Z"/> is depth
/// relative to the hips on the same pixel scale (smaller = nearer the camera); <paramref name="Visibility"/>
/// is the model's probability, 0..1, that the point is visible rather than occluded or out of frame.
/// </summary>
public readonly record struct PoseLandmark(float X, float Y, float Z, float Visibility);
