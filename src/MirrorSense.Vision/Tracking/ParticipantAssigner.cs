using MirrorSense.Core;

namespace MirrorSense.Vision.Tracking;

/// <summary>
/// Gives newly found people a participant: A is the left one in the image, B the right one (or the
/// reverse with <c>swap</c>). A tracked person keeps its participant, so identities survive crossings;
/// a person lost for a moment and found again gets back the participant last seen nearest, so they
/// survive brief occlusions. Only without any recent history does the side of the image decide.
/// </summary>
public sealed class ParticipantAssigner(bool swap, TimeSpan memory)
{
    private readonly Dictionary<Participant, (float X, MediaTime Time)> lastSeen = [];

    private Participant Left => swap ? Participant.B : Participant.A;
    private Participant Right => swap ? Participant.A : Participant.B;

    /// <summary>Remembers where a tracked participant is now (call every frame it is seen).</summary>
    public void Seen(Participant participant, float x, MediaTime time) => lastSeen[participant] = (x, time);

    /// <summary>
    /// Participants for people newly found at <paramref name="newXs"/> (hip x in pixels), given those already
    /// taken by tracked people. Returns one participant per new person, or null when both are taken.
    /// </summary>
    public IReadOnlyList<Participant?> Assign(IReadOnlyList<float> newXs, IReadOnlyCollection<Participant> taken, float frameWidth, MediaTime time)
    {
        var result = new Participant?[newXs.Count];
        var free = new List<Participant> { Participant.A, Participant.B }.Except(taken).ToList();
        var order = Enumerable.Range(0, newXs.Count).OrderBy(i => newXs[i]).ToList();
        if (order.Count >= 2 && free.Count == 2)
        {
            // Two new people at once: left and right decide.
            result[order[0]] = Left;
            result[order[^1]] = Right;
            return result;
        }

        foreach (var i in order)
        {
            if (free.Count == 0)
                break;
            var chosen = free.Count == 1 ? free[0] : Choose(newXs[i], free, frameWidth, time);
            result[i] = chosen;
            free.Remove(chosen);
        }

        return result;
    }

    private Participant Choose(float x, List<Participant> free, float frameWidth, MediaTime time)
    {
        var recent = free
            .Where(p => lastSeen.TryGetValue(p, out var seen) && time - seen.Time <= memory)
            .OrderBy(p => Math.Abs(lastSeen[p].X - x))
            .ToList();
        // Recent and near: the same person coming back. Far from everyone seen: a newcomer, placed by side.
        if (recent.Count > 0 && Math.Abs(lastSeen[recent[0]].X - x) < frameWidth / 4)
            return recent[0];
        return x < frameWidth / 2 ? Left : Right;
    }
}
