namespace MirrorSense.Vision.Tracking;

/// <summary>
/// One-Euro settings for landmark coordinates in pixels. Defaults keep a still body within about a pixel
/// while a lean of ±15° at 0.2 Hz lags by well under a frame's worth of angle.
/// </summary>
/// <param name="MinCutoff">Cutoff in Hz when the point is still: lower = steadier, more lag.</param>
/// <param name="Beta">Cutoff added per pixel/second of speed: higher = less lag in fast moves.</param>
/// <param name="DerivativeCutoff">Cutoff in Hz for the speed estimate itself.</param>
/// <param name="Enabled">False passes landmarks through unfiltered.</param>
public sealed record SmoothingOptions(double MinCutoff = 1.5, double Beta = 0.05, double DerivativeCutoff = 1.0, bool Enabled = true)
{
    public static SmoothingOptions None { get; } = new(Enabled: false);
}
