using System.Globalization;
using MirrorSense.Sessions.Elan;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.Episodes;

namespace MirrorSense.Sessions.Analysis;

/// <summary>
/// The ELAN view of an analysis: one tier per measure (present even when it found no episode, so a
/// corpus of sessions has the same tiers; proximity's and the face measures' when they were measured), each episode an annotation saying who
/// led, at what lag, how strongly.
/// </summary>
public static class EpisodeTiers
{
    public static ElanDocument Document(IEnumerable<CoordinationMeasure> measures, DateTimeOffset created, string? mediaFile = null, IEnumerable<ElanTier>? more = null)
    {
        var byName = measures.ToDictionary(m => m.Name);
        string[] names = [MeasureNames.PostureMirroring, MeasureNames.GestureSynchrony, MeasureNames.Tone, MeasureNames.Tempo, MeasureNames.Volume, MeasureNames.Inflection];
        // Proximity comes with the body (and faces only when asked for): a session without them has no such tiers rather than empty ones.
        names = [.. names, .. new[] { MeasureNames.Proximity, MeasureNames.SmileMimicry, MeasureNames.MutualGaze }.Where(byName.ContainsKey)];
        var tiers = names.Select(name => new ElanTier(
            name,
            byName.TryGetValue(name, out var measure) ? [.. measure.Episodes.Select(e => new ElanAnnotation(e.Start, e.End, Describe(e)))] : []))
            .ToList();
        tiers.AddRange(more ?? []);
        return new ElanDocument(tiers, created, mediaFile);
    }

    private static string Describe(CoordinationEpisode episode)
    {
        var who = episode.Leader is { } leader ? $"{leader} leads by {Math.Abs(episode.LagSeconds).ToString("0.##", CultureInfo.InvariantCulture)} s" : "in step";
        return $"{who}; strength {episode.Strength.ToString("0.00", CultureInfo.InvariantCulture)}";
    }
}
