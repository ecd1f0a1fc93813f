namespace MirrorSense.Synchrony.Features;

/// <summary>
/// Landmark motion energy of one person between two frames, per region: the visibility-weighted mean
/// speed of the normalised landmarks in the image plane, in shoulder widths per second. Because the
/// skeleton is normalised, moving the whole body through the frame does not count; moving parts of it
/// relative to the shoulders does. NaN where no landmark of the region was seen in both frames.
/// </summary>
public readonly record struct MotionEnergy(double Head, double Arms, double Torso, double Body)
{
    public static MotionEnergy Missing { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN);

    public double this[BodyRegion region] => region switch
    {
        BodyRegion.Head => Head,
        BodyRegion.Arms => Arms,
        BodyRegion.Torso => Torso,
        _ => Body,
    };

    /// <summary>
    /// The motion energy from <paramref name="previous"/> to <paramref name="current"/>, Missing when
    /// either is absent or the step is not forward in time. A landmark counts when present in both
    /// frames, with the smaller of its two visibilities as its weight: a point the model is unsure of
    /// jitters, and its jitter should not pass for movement.
    /// </summary>
    public static MotionEnergy Between(NormalizedPose? previous, NormalizedPose? current)
    {
        if (previous is null || current is null)
            return Missing;
        var seconds = (current.Time - previous.Time).TotalSeconds;
        if (!(seconds > 0))
            return Missing;

        Span<double> weighted = stackalloc double[BodyRegions.All.Length];
        Span<double> weights = stackalloc double[BodyRegions.All.Length];
        for (var i = 0; i < current.Landmarks.Length; i++)
        {
            var (a, b) = (previous[i], current[i]);
            if (!a.IsPresent || !b.IsPresent)
                continue;
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var speed = Math.Sqrt(dx * dx + dy * dy) / seconds;
            var weight = Math.Min(a.Visibility, b.Visibility);
            foreach (var region in BodyRegions.All)
            {
                if (!BodyRegions.Contains(region, i))
                    continue;
                weighted[(int)region] += weight * speed;
                weights[(int)region] += weight;
            }
        }

        return new MotionEnergy(
            Mean(weighted, weights, BodyRegion.Head), Mean(weighted, weights, BodyRegion.Arms),
            Mean(weighted, weights, BodyRegion.Torso), Mean(weighted, weights, BodyRegion.Body));
    }

    private static double Mean(ReadOnlySpan<double> weighted, ReadOnlySpan<double> weights, BodyRegion region) =>
        weights[(int)region] > 0 ? weighted[(int)region] / weights[(int)region] : double.NaN;
}
