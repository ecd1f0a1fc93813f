using System.Collections.Immutable;
using MirrorSense.Synchrony.Conversation;

namespace MirrorSense.Synchrony.Coordination;

/// <summary>
/// Tempo coordination (MEASURES.md §3) on speech rate per inter-pausal unit: proximity (the session
/// value: how much closer adjacent units across a speaker change are in rate than non-adjacent units of
/// the two speakers, each unit taken as its departure from its speaker's own slow course, so that drifts and
/// trends are not entrainment — see <see cref="UnitEntrainment"/>; positive = entrained), convergence and
/// synchrony as details with their permutation p-values, and the plain mean rate difference of adjacent units,
/// which tells matched from mismatched tempo even when neither speaker varies. Each window is one speaker change: the two units, the rate
/// difference as a negative value (higher = closer), and the switch pause as the lag. The session's p-value joins
/// proximity and synchrony (<see cref="TwoTests"/>): a speaker who answers the partner's last turn at its rate moves
/// the adjacent rates together, which proximity barely sees (2.5 % power where B's rate follows 0.6 of A's last
/// turn over 3 minutes); synchrony names who answers whom.
/// </summary>
public sealed class TempoCoordination(int permutations = 2000, int seed = 1)
{
    public CoordinationMeasure Compute(SpeakerVoice a, SpeakerVoice b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var units = a.Units.Concat(b.Units)
            .Where(u => !double.IsNaN(u.SyllablesPerSecond))
            .OrderBy(u => u.Start)
            .ToArray();
        var result = new UnitEntrainment(permutations, seed).Analyse(units, u => u.SyllablesPerSecond);
        var changes = ImmutableArray.CreateBuilder<MeasureWindow>();
        for (var i = 1; i < units.Length; i++)
        {
            var (first, second) = (units[i - 1], units[i]);
            if (first.Speaker != second.Speaker)
                changes.Add(new MeasureWindow(first.Start, second.End, -Math.Abs(first.SyllablesPerSecond - second.SyllablesPerSecond), (second.Start - first.End).TotalSeconds, first.Speaker));
        }

        var rateA = Statistics.MeanOfPresent([.. a.Units.Select(u => u.SyllablesPerSecond)]);
        var rateB = Statistics.MeanOfPresent([.. b.Units.Select(u => u.SyllablesPerSecond)]);
        return new CoordinationMeasure(
            MeasureNames.Tempo,
            result.Proximity.Value,
            TwoTests.PValue(result.Proximity.PValue, result.Synchrony.PValue),
            double.NaN,
            result.Synchrony.Leader,
            changes.ToImmutable(),
            [],
            [
                new("rate_difference_per_s", -Statistics.MeanOfPresent([.. changes.Select(c => c.Value)])),
                new("rate_a_per_s", rateA),
                new("rate_b_per_s", rateB),
                new("proximity_p", result.Proximity.PValue),
                new("convergence", result.Convergence.Value), new("convergence_p", result.Convergence.PValue),
                new("synchrony", result.Synchrony.Value), new("synchrony_p", result.Synchrony.PValue),
                new("synchrony_b_follows_a", result.Synchrony.BFollowsA), new("synchrony_a_follows_b", result.Synchrony.AFollowsB),
                new("unit_pairs", result.Synchrony.Pairs),
            ]);
    }
}
