using System.Reactive.Linq;
using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;

namespace MirrorSense.Synchrony.Streaming;

/// <summary>Rx operators of the synchrony engine.</summary>
public static class SynchronyObservable
{
    /// <summary>
    /// Windowed lagged cross-correlation of two live sample streams (A and B, media-timed, on the
    /// settings' sample rate): one <see cref="CrossCorrelationWindow"/> per window, emitted the moment
    /// its last sample pair is in, equal to the batch result on the same samples.
    /// </summary>
    /// <param name="a">Participant A's samples (NaN or a skipped grid point = missing).</param>
    /// <param name="b">Participant B's samples.</param>
    /// <param name="settings">Window, lag and increment.</param>
    /// <param name="origin">Media time of grid point 0 (the session start).</param>
    /// <param name="maxSkew">How long a silent stream may hold the other back before its samples count as missing.</param>
    public static IObservable<CrossCorrelationWindow> WindowedCrossCorrelation(
        this IObservable<Stamped<double>> a,
        IObservable<Stamped<double>> b,
        CrossCorrelationSettings settings,
        MediaTime origin = default,
        TimeSpan? maxSkew = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(settings);
        var skew = maxSkew ?? TimeSpan.FromSeconds(10);
        if (skew < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(maxSkew), skew, "The skew bound cannot be negative.");
        var skewSamples = (int)Math.Ceiling(skew.TotalSeconds * settings.SampleRate);

        return Observable.Defer(() =>
        {
            // State belongs to this subscription.
            var correlation = new IncrementalCrossCorrelation(settings, origin);
            return PairedObservable.Pair(a, b, () => new SamplePairing(settings.SampleRate, origin, skewSamples))
                .Select(pair => correlation.Add(pair.A, pair.B))
                .Where(window => window is not null)
                .Select(window => window!);
        });
    }
}
