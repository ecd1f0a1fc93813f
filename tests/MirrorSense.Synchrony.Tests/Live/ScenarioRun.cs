using System.Reactive.Concurrency;
using System.Reactive.Linq;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Live;

namespace MirrorSense.Synchrony.Tests.Live;

/// <summary>
/// Plays a <see cref="ScenarioDyad"/> through <see cref="LiveCoordination"/> on virtual time and averages each body
/// channel's index per stretch, from when the live window lies wholly inside the stretch.
/// </summary>
internal static class ScenarioRun
{
    /// <summary>A window (10 s) plus the smoothing: what a stretch needs before its readings are its own.</summary>
    public const double SettleSeconds = 12;

    /// <summary>Per stretch, the mean posture and gesture index (NaN where there was none).</summary>
    public static IReadOnlyList<(double Posture, double Gesture)> Means(ScenarioDyad dyad, LiveCoordinationOptions? options = null)
    {
        var scheduler = new HistoricalScheduler();
        var body = Enumerable.Range(0, dyad.Length).Select(dyad.Sample).ToObservable(scheduler);
        var updates = new List<CoordinationUpdate>();
        using var subscription = LiveCoordination.Track(body, Observable.Never<SpokenFrame>(), Observable.Never<SpeechUnit>(), dyad.Layout, options)
            .Subscribe(updates.Add);
        scheduler.Start();

        var means = new List<(double, double)>();
        var start = 0.0;
        foreach (var stretch in dyad.Stretches)
        {
            var from = start + SettleSeconds;
            var to = start + stretch.Seconds;
            var inside = updates.Where(u => u.Time.Seconds >= from && u.Time.Seconds < to).ToList();
            means.Add((Mean(inside, LiveChannel.Posture), Mean(inside, LiveChannel.Gesture)));
            start = to;
        }

        return means;
    }

    private static double Mean(List<CoordinationUpdate> updates, LiveChannel channel)
    {
        var indices = updates.Select(u => u[channel]!.Index).Where(i => !double.IsNaN(i)).ToList();
        return indices.Count == 0 ? double.NaN : indices.Average();
    }
}
