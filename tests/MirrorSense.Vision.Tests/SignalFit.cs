namespace MirrorSense.Vision.Tests;

/// <summary>
/// How well a measured signal follows a known one: Pearson correlation and RMS error after removing the constant offset
/// (a photo's head or shoulders are rarely level to begin with), over the frames where the measure is present.
/// </summary>
public sealed record SignalFit(double Correlation, double RmsError, double Offset, int Frames, int Missing)
{
    public static SignalFit Of(IReadOnlyList<(double Measured, double True)> pairs)
    {
        var present = pairs.Where(p => double.IsFinite(p.Measured)).ToList();
        if (present.Count < 3)
            return new SignalFit(double.NaN, double.NaN, double.NaN, present.Count, pairs.Count - present.Count);
        var (mx, my) = (present.Average(p => p.Measured), present.Average(p => p.True));
        var sxy = present.Sum(p => (p.Measured - mx) * (p.True - my));
        var sxx = present.Sum(p => (p.Measured - mx) * (p.Measured - mx));
        var syy = present.Sum(p => (p.True - my) * (p.True - my));
        var offset = mx - my;
        var rms = Math.Sqrt(present.Average(p => Math.Pow(p.Measured - offset - p.True, 2)));
        return new SignalFit(sxy / Math.Sqrt(sxx * syy), rms, offset, present.Count, pairs.Count - present.Count);
    }

    public override string ToString() => $"r = {Correlation:0.000}, RMS = {RmsError:0.00} after offset {Offset:0.00}, {Frames} frames ({Missing} missing)";
}
