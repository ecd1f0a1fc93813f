using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Conversation;

namespace MirrorSense.Synchrony.Coordination;

/// <summary>
/// Turn-level coordination (MEASURES.md §3) of one unit quantity (<see cref="TurnFeature"/>: speech rate for tempo,
/// pitch range for inflection): proximity (the session value: how much closer adjacent units across a speaker change
/// are than non-adjacent units of the two speakers, each unit taken as its departure from its speaker's own slow course,
/// so that drifts and trends are not entrainment — see <see cref="UnitEntrainment"/>; positive = entrained),
/// convergence and synchrony as details with their permutation p-values, and the plain mean difference of adjacent
/// units, which tells matched from mismatched speakers even when neither varies. Each window is one speaker change:
/// the two units, their difference as a negative value (higher = closer), and the switch pause as the lag. The
/// session's p-value joins proximity and synchrony (<see cref="TwoTests"/>), or is synchrony's alone, as the feature says
/// (<see cref="TurnFeature.SessionTest"/>): a speaker who answers the partner's last turn moves the adjacent values
/// together, which proximity barely sees (2.5 % power where B's rate follows 0.6 of A's last turn over 3 minutes);
/// synchrony names who answers whom.
/// </summary>
public sealed class TurnCoordination(TurnFeature feature, int permutations = 2000, int seed = 1)
{
    public TurnFeature Feature { get; } = feature ?? throw new ArgumentNullException(nameof(feature));

    public CoordinationMeasure Compute(SpeakerVoice a, SpeakerVoice b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        (a, b) = (Feature.Units(a), Feature.Units(b));
        // Each unit's value once: some features read the frames, and the analysis asks for them more than once.
        var values = new Dictionary<SpeechUnit, double>(ReferenceEqualityComparer.Instance);
        foreach (var voice in new[] { a, b })
            foreach (var unit in voice.Units)
                values[unit] = Feature.Of(voice, unit);
        var units = values.Where(v => !double.IsNaN(v.Value)).Select(v => v.Key).OrderBy(u => u.Start).ToArray();
        var result = new UnitEntrainment(permutations, seed).Analyse(units, u => values[u]);
        var changes = ImmutableArray.CreateBuilder<MeasureWindow>();
        for (var i = 1; i < units.Length; i++)
        {
            var (first, second) = (units[i - 1], units[i]);
            if (first.Speaker != second.Speaker)
                changes.Add(new MeasureWindow(first.Start, second.End, -Math.Abs(values[first] - values[second]), (second.Start - first.End).TotalSeconds, first.Speaker));
        }

        double MeanOf(SpeakerVoice voice) => Statistics.MeanOfPresent([.. voice.Units.Select(u => values[u])]);
        return new CoordinationMeasure(
            Feature.Measure,
            result.Proximity.Value,
            Feature.SessionTest == TurnSessionTest.Synchrony ? result.Synchrony.PValue : TwoTests.PValue(result.Proximity.PValue, result.Synchrony.PValue),
            double.NaN,
            result.Synchrony.Leader,
            changes.ToImmutable(),
            [],
            [
                new(Feature.DifferenceDetail, -Statistics.MeanOfPresent([.. changes.Select(c => c.Value)])),
                new(Feature.MeanOf(a.Speaker), MeanOf(a)),
                new(Feature.MeanOf(b.Speaker), MeanOf(b)),
                new("proximity_p", result.Proximity.PValue),
                new("convergence", result.Convergence.Value), new("convergence_p", result.Convergence.PValue),
                new("synchrony", result.Synchrony.Value), new("synchrony_p", result.Synchrony.PValue),
                new("synchrony_b_follows_a", result.Synchrony.BFollowsA), new("synchrony_a_follows_b", result.Synchrony.AFollowsB),
                new("turn_pairs", result.Synchrony.Pairs),
            ]);
    }
}
