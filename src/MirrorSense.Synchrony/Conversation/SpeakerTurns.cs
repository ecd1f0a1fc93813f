using MirrorSense.Core;

namespace MirrorSense.Synchrony.Conversation;

/// <summary>
/// A conversation as turns: each speaker's units joined wherever that speaker paused less than a set time, each
/// turn at its units' level weighted by their durations, and the exchanges between the two speakers' turns.
/// Why turns and not units: a speaker's units within one turn share much of their level (one breath, one register),
/// so adjacent-unit pairs cluster, and a test that takes every pair as independent evidence calls independent
/// speakers synchronous too often. Pauses are each speaker's own, so turns do not depend on when the partner spoke:
/// A of one session set against B of another still has B's turns as B spoke them.
/// </summary>
internal sealed class SpeakerTurns
{
    private readonly Turn[] ordered;

    private SpeakerTurns(Turn[] ordered) => this.ordered = ordered;

    /// <param name="units">Both speakers' units in time order of their starts, each naming its speaker.</param>
    /// <param name="values">Each unit's level, none NaN.</param>
    /// <param name="pauseSeconds">A speaker's units closer than this (from one's end to the next's start) are one turn.</param>
    public static SpeakerTurns Join(IReadOnlyList<SpeechUnit> units, IReadOnlyList<double> values, double pauseSeconds)
    {
        var turns = new List<Turn>();
        foreach (var speaker in new[] { Participant.A, Participant.B })
        {
            Turn? current = null;
            for (var i = 0; i < units.Count; i++)
            {
                if (units[i].SpeakerInDyad != speaker)
                    continue;
                var (start, end) = (units[i].Start.Seconds, units[i].End.Seconds);

                // A unit of no length still counts, a little.
                var weight = Math.Max(end - start, 0.01);
                if (current is not null && start - current.End < pauseSeconds)
                {
                    current = current with { End = Math.Max(current.End, end), Weighted = current.Weighted + weight * values[i], Weight = current.Weight + weight };
                    continue;
                }

                if (current is not null)
                    turns.Add(current);
                current = new Turn(speaker, start, end, weight * values[i], weight);
            }

            if (current is not null)
                turns.Add(current);
        }

        return new SpeakerTurns([.. turns.OrderBy(t => t.Start).ThenBy(t => t.Speaker)]);
    }

    /// <summary>One speaker's turns in order: their starts (seconds) and levels.</summary>
    public (double[] Times, double[] Levels) Of(Participant speaker)
    {
        var mine = ordered.Where(t => t.Speaker == speaker).ToArray();
        return ([.. mine.Select(t => t.Start)], [.. mine.Select(t => t.Weighted / t.Weight)]);
    }

    /// <summary>
    /// Every change from a turn of <paramref name="from"/> to one of the other speaker: the earlier turn's index among
    /// <paramref name="from"/>'s turns (as <see cref="Of"/> orders them) and the answer's among the other's.
    /// </summary>
    public (int Earlier, int Answer)[] Exchanges(Participant from)
    {
        var exchanges = new List<(int Earlier, int Answer)>();
        var index = new Dictionary<Participant, int> { [Participant.A] = -1, [Participant.B] = -1 };
        for (var i = 0; i < ordered.Length; i++)
        {
            var speaker = ordered[i].Speaker;
            index[speaker]++;
            if (i > 0 && ordered[i - 1].Speaker == from && speaker != from)
                exchanges.Add((index[from], index[speaker]));
        }

        return [.. exchanges];
    }

    private sealed record Turn(Participant Speaker, double Start, double End, double Weighted, double Weight);
}
