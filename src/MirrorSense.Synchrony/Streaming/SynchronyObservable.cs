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

        return Observable.Create<CrossCorrelationWindow>(observer =>
        {
            // State belongs to this subscription.
            var gate = new object();
            var pairing = new SamplePairing(settings.SampleRate, origin, skewSamples);
            var correlation = new IncrementalCrossCorrelation(settings, origin);
            var released = new List<SamplePair>();
            var completed = 0;
            var stopped = false;

            void Handle(Action<List<SamplePair>> step, bool finishing)
            {
                lock (gate)
                {
                    if (stopped)
                        return;
                    try
                    {
                        released.Clear();
                        step(released);
                        foreach (var pair in released)
                        {
                            if (correlation.Add(pair.A, pair.B) is { } window)
                                observer.OnNext(window);
                        }
                    }
                    catch (Exception error) when (error is ArgumentException or InvalidOperationException)
                    {
                        stopped = true;
                        observer.OnError(error);
                        return;
                    }

                    if (finishing && ++completed == 2)
                    {
                        stopped = true;
                        observer.OnCompleted();
                    }
                }
            }

            void Fail(Exception error)
            {
                lock (gate)
                {
                    if (stopped)
                        return;
                    stopped = true;
                    observer.OnError(error);
                }
            }

            var subscriptionA = a.Subscribe(
                sample => Handle(list => pairing.Add(Participant.A, sample, list), finishing: false),
                Fail,
                () => Handle(list => pairing.Complete(Participant.A, list), finishing: true));
            var subscriptionB = b.Subscribe(
                sample => Handle(list => pairing.Add(Participant.B, sample, list), finishing: false),
                Fail,
                () => Handle(list => pairing.Complete(Participant.B, list), finishing: true));
            return new System.Reactive.Disposables.CompositeDisposable(subscriptionA, subscriptionB);
        });
    }
}
