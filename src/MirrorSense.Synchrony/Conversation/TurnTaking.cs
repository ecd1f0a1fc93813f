using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Conversation;

/// <summary>How an overlap in speech was resolved.</summary>
public enum OverlapKind
{
    /// <summary>A short overlap by the listener while the speaker keeps the floor.</summary>
    Backchannel,

    /// <summary>The listener starts while the speaker talks, the speaker stops, the listener takes the floor.</summary>
    Interruption,

    /// <summary>Both talk at once for longer and the speaker keeps the floor.</summary>
    CompetingSpeech,
}

/// <summary>One overlap: who came in, over whom, when, and how it ended.</summary>
public sealed record Overlap(Participant Incoming, MediaTime Start, MediaTime End, OverlapKind Kind);

/// <summary>A turn: one participant holding the floor, pauses and the other's backchannels included.</summary>
public sealed record Turn(Participant Speaker, MediaTime Start, MediaTime End)
{
    public TimeSpan Duration => End - Start;
}

/// <summary>Turn-taking of a conversation (MEASURES.md §3).</summary>
public sealed record TurnTakingSummary(
    ImmutableArray<Turn> Turns,
    ImmutableArray<Overlap> Overlaps,
    ImmutableArray<TimeSpan> SwitchPauses,
    TimeSpan SpeechA,
    TimeSpan SpeechB)
{
    /// <summary>A's share of all speech time (NaN when nobody spoke).</summary>
    public double TalkShareA => SpeechA + SpeechB == TimeSpan.Zero ? double.NaN : SpeechA / (SpeechA + SpeechB);

    public Turn? LongestMonologue => Turns.IsEmpty ? null : Turns.MaxBy(t => t.Duration);

    public int Interruptions(Participant by) => Overlaps.Count(o => o.Kind == OverlapKind.Interruption && o.Incoming == by);

    public int Backchannels(Participant by) => Overlaps.Count(o => o.Kind == OverlapKind.Backchannel && o.Incoming == by);
}

/// <summary>
/// Turns, switch pauses and overlaps from both participants' speech intervals. The floor belongs to
/// whoever spoke alone last; the listener takes it by speaking alone, so a backchannel never makes a turn.
/// </summary>
public sealed class TurnTaking(TurnTakingOptions options)
{
    public TurnTakingSummary Analyse(IEnumerable<SpeechUnit> speech)
    {
        ArgumentNullException.ThrowIfNull(speech);
        var a = Merge(speech.Where(s => s.Speaker == Participant.A));
        var b = Merge(speech.Where(s => s.Speaker == Participant.B));
        var overlaps = Overlaps(a, b).Concat(Overlaps(b, a)).OrderBy(o => o.Start).ToImmutableArray();
        var (turns, pauses) = Turns(a, b);
        return new TurnTakingSummary(turns, overlaps, pauses, Total(a), Total(b));
    }

    /// <summary>One participant's intervals, sorted, with touching or overlapping ones joined.</summary>
    private static List<SpeechUnit> Merge(IEnumerable<SpeechUnit> intervals)
    {
        var merged = new List<SpeechUnit>();
        foreach (var interval in intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
                merged[^1] = merged[^1] with { End = interval.End > merged[^1].End ? interval.End : merged[^1].End };
            else
                merged.Add(interval);
        }

        return merged;
    }

    /// <summary>Overlaps where someone in <paramref name="incoming"/> starts while the other in <paramref name="holder"/> is talking.</summary>
    private IEnumerable<Overlap> Overlaps(List<SpeechUnit> incoming, List<SpeechUnit> holder)
    {
        foreach (var entry in incoming)
        {
            if (holder.FirstOrDefault(h => h.Start < entry.Start && entry.Start < h.End) is not { } held)
                continue;
            var end = entry.End < held.End ? entry.End : held.End;
            var kind = held.End <= entry.End
                ? OverlapKind.Interruption
                : (entry.End - entry.Start).TotalSeconds < options.BackchannelMaximumSeconds ? OverlapKind.Backchannel : OverlapKind.CompetingSpeech;
            yield return new Overlap(entry.SpeakerInDyad, entry.Start, end, kind);
        }
    }

    /// <summary>The floor over time: it changes hands when the other participant is heard alone.</summary>
    private static (ImmutableArray<Turn> Turns, ImmutableArray<TimeSpan> Pauses) Turns(List<SpeechUnit> a, List<SpeechUnit> b)
    {
        var turns = ImmutableArray.CreateBuilder<Turn>();
        var pauses = ImmutableArray.CreateBuilder<TimeSpan>();
        var events = a.Concat(b).OrderBy(i => i.Start).ToList();
        Turn? current = null;
        foreach (var interval in events)
        {
            var other = interval.Speaker == Participant.A ? b : a;
            // Speech that ends inside the other's speech (a backchannel or a failed bid) never takes the floor.
            var heardAlone = !other.Any(o => o.Start <= interval.Start && interval.End <= o.End);
            if (!heardAlone)
                continue;
            if (current is null)
            {
                current = new Turn(interval.SpeakerInDyad, interval.Start, interval.End);
            }
            else if (current.Speaker == interval.Speaker)
            {
                current = current with { End = interval.End > current.End ? interval.End : current.End };
            }
            else
            {
                if (interval.Start > current.End)
                    pauses.Add(interval.Start - current.End);
                turns.Add(current with { End = interval.Start < current.End ? interval.Start : current.End });
                current = new Turn(interval.SpeakerInDyad, interval.Start, interval.End);
            }
        }

        if (current is not null)
            turns.Add(current);
        return (turns.ToImmutable(), pauses.ToImmutable());
    }

    private static TimeSpan Total(List<SpeechUnit> intervals) =>
        intervals.Aggregate(TimeSpan.Zero, (sum, i) => sum + i.Duration);
}
