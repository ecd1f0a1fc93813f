using MirrorSense.Core;

namespace MirrorSense.Vision.Tracking;

/// <summary>
/// The One-Euro filter (Casiez, Roussel &amp; Vogel, CHI 2012) on one value: a low-pass whose cutoff rises
/// with speed, so still poses stop jittering and fast moves keep little lag. Time steps come from the
/// media timestamps of the samples, never from the clock, so a replay filters exactly as live did.
/// </summary>
public sealed class OneEuroFilter(SmoothingOptions options)
{
    private double previous;
    private double previousDerivative;
    private MediaTime? previousTime;

    public double Filter(double value, MediaTime time)
    {
        if (previousTime is not { } last || time <= last)
        {
            // First sample, or time did not advance (a repeated or reordered stamp): start afresh from here.
            previous = value;
            previousDerivative = 0;
            previousTime = time;
            return value;
        }

        var dt = (time - last).TotalSeconds;
        var derivative = (value - previous) / dt;
        var smoothedDerivative = Blend(previousDerivative, derivative, Alpha(options.DerivativeCutoff, dt));
        var cutoff = options.MinCutoff + options.Beta * Math.Abs(smoothedDerivative);
        var smoothed = Blend(previous, value, Alpha(cutoff, dt));
        previous = smoothed;
        previousDerivative = smoothedDerivative;
        previousTime = time;
        return smoothed;
    }

    private static double Alpha(double cutoffHz, double dt)
    {
        var tau = 1.0 / (2 * Math.PI * cutoffHz);
        return 1.0 / (1.0 + tau / dt);
    }

    private static double Blend(double previous, double value, double alpha) => previous + alpha * (value - previous);
}
