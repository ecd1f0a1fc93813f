namespace MirrorSense.Vision.Motion;

/// <summary>Parameters of pixel motion energy, with the defaults MirrorSense documents.</summary>
/// <param name="NoiseThreshold">
/// A pixel counts as changed when its grey level differs from the previous frame's by more than this
/// (0–255). Sensor noise and compression flicker stay under it; MEA users set it per recording, so it is a knob.
/// </param>
/// <param name="Margin">
/// How far the region reaches beyond the landmarks' bounding box, as a share of the box's width and
/// height on each side: hair, clothing and hands extend past the joints the model places.
/// </param>
/// <param name="VisibilityThreshold">Landmarks below this visibility do not shape the region.</param>
public sealed record PixelMotionOptions(int NoiseThreshold = 12, double Margin = 0.15, double VisibilityThreshold = 0.5)
{
    public static PixelMotionOptions Default { get; } = new();

    internal void Validate()
    {
        if (NoiseThreshold is < 0 or > 254)
            throw new ArgumentOutOfRangeException(nameof(NoiseThreshold), NoiseThreshold, "The noise threshold is a grey-level difference, 0..254.");
        if (!(Margin >= 0) || double.IsInfinity(Margin))
            throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "The margin is a non-negative share of the box.");
        if (!(VisibilityThreshold is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(VisibilityThreshold), VisibilityThreshold, "The visibility threshold is a probability, 0..1.");
    }
}
