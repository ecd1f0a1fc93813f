using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Synchrony.Preprocessing;

namespace MirrorSense.Synchrony.Coordination;

public enum FaceEventKind
{
    /// <summary>One person smiling (from onset to offset, by the thresholds smile mimicry uses).</summary>
    Smile,

    /// <summary>One person looking at the partner.</summary>
    Looking,

    /// <summary>Both looking at each other at once.</summary>
    MutualGaze,
}

/// <summary>A stretch of face behaviour, for annotation tools and tables.</summary>
/// <param name="Participant">Whose behaviour; null for mutual gaze, which belongs to the pair.</param>
public sealed record FaceEvent(FaceEventKind Kind, Participant? Participant, MediaTime Start, MediaTime End);

/// <summary>
/// The face behaviour behind the face measures as events: each person's smiles and looks at the partner, and the
/// stretches of mutual gaze. They are read exactly as <see cref="SmileMimicry"/> and <see cref="MutualGaze"/> read
/// them (the same analysis rate and thresholds), so a coder checking the measures in ELAN sees what was counted.
/// </summary>
public static class FaceEvents
{
    /// <param name="faces">Both people's face signals on one grid.</param>
    /// <param name="origin">Media time of the grid's first sample.</param>
    /// <param name="smile">The options smile mimicry ran with.</param>
    /// <param name="gaze">The options mutual gaze ran with.</param>
    public static IReadOnlyList<FaceEvent> Of(FaceSignals faces, MediaTime origin, SmileMimicryOptions smile, MutualGazeOptions gaze)
    {
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentNullException.ThrowIfNull(smile);
        ArgumentNullException.ThrowIfNull(gaze);
        var events = new List<FaceEvent>();

        var (smileA, smileB, smileRate) = Reduced(faces.Smile, smile.AnalysisRate);
        foreach (var (who, signal) in new[] { (Participant.A, smileA), (Participant.B, smileB) })
        {
            var states = SmilingTimeline.Of(signal.AsSpan(), smileRate, smile.Smiling).States;
            events.AddRange(Stretches(states.Select(s => s == true), smileRate, origin, FaceEventKind.Smile, who));
        }

        var (lookingA, lookingB, gazeRate) = Reduced(faces.Looking, gaze.AnalysisRate);
        var looksA = MutualGaze.Looks(lookingA);
        var looksB = MutualGaze.Looks(lookingB);
        events.AddRange(Stretches(looksA.Select(l => l == true), gazeRate, origin, FaceEventKind.Looking, Participant.A));
        events.AddRange(Stretches(looksB.Select(l => l == true), gazeRate, origin, FaceEventKind.Looking, Participant.B));
        events.AddRange(Stretches(looksA.Zip(looksB, (a, b) => a == true && b == true), gazeRate, origin, FaceEventKind.MutualGaze, null));
        return events;
    }

    private static (ImmutableArray<double> A, ImmutableArray<double> B, double Rate) Reduced(DyadSeries series, double analysisRate)
    {
        var factor = Math.Max(1, (int)Math.Round(series.SampleRate / analysisRate));
        return (BlockMeans.Of(series.A.AsSpan(), factor), BlockMeans.Of(series.B.AsSpan(), factor), series.SampleRate / factor);
    }

    /// <summary>Each run of true samples as one event, from its first sample's start to its last sample's end.</summary>
    private static IEnumerable<FaceEvent> Stretches(IEnumerable<bool> on, double rate, MediaTime origin, FaceEventKind kind, Participant? who)
    {
        var start = -1;
        var i = 0;
        foreach (var value in on)
        {
            if (value && start < 0)
                start = i;
            else if (!value && start >= 0)
            {
                yield return Event(start, i);
                start = -1;
            }

            i++;
        }

        if (start >= 0)
            yield return Event(start, i);

        FaceEvent Event(int from, int to) => new(kind, who, origin + TimeSpan.FromSeconds(from / rate), origin + TimeSpan.FromSeconds(to / rate));
    }
}
