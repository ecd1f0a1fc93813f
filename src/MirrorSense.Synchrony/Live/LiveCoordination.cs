using System.Reactive.Linq;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Synchrony.Live;

/// <summary>The live synchrony engine as an operator over the body grid and both voices (ARCHITECTURE.md: same graph, live pacing).</summary>
public static class LiveCoordination
{
    /// <summary>
    /// Updates from the three streams, which may arrive on different threads (they are serialised here). The
    /// result completes when all three have; an input's error ends it (callers that must outlive a lost device
    /// turn that device's error into completion first, and report it).
    /// </summary>
    public static IObservable<CoordinationUpdate> Track(
        IObservable<FeatureSample> body,
        IObservable<SpokenFrame> voices,
        IObservable<SpeechUnit> units,
        LiveBodyLayout layout,
        LiveCoordinationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(voices);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(layout);
        return Observable.Defer(() =>
        {
            var engine = new LiveCoordinationEngine(layout, options);
            return Observable.Merge(
                    body.Select(sample => (Func<CoordinationUpdate?>)(() => engine.Add(sample))),
                    voices.Select(frame => (Func<CoordinationUpdate?>)(() => engine.Add(frame))),
                    units.Select(unit => (Func<CoordinationUpdate?>)(() =>
                    {
                        engine.Add(unit);
                        return null;
                    })))
                .Synchronize()
                .Select(step => step())
                .Where(update => update is not null)
                .Select(update => update!);
        });
    }
}
