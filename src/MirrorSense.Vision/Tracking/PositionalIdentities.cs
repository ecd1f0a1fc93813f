using MirrorSense.Core;

namespace MirrorSense.Vision.Tracking;

/// <summary>
/// Gives A and B to people found without identities (keypoints another tool wrote, one frame at a time), the way the
/// pose stage keeps them: someone whose shoulders are within a shoulder width of where a participant's would be now,
/// moving on as they moved over the last two frames (the pose stage predicts its regions alike), stays that
/// participant, so identities survive crossings; anyone else is placed by
/// <see cref="ParticipantAssigner"/> (the participant last seen nearby within <c>memory</c>, else A on the left,
/// B on the right, or the reverse with <c>swap</c>). Of more than two people, the two largest are kept, as the pose
/// stage takes the most prominent. One instance follows one stream, frames in media-time order.
/// </summary>
/// <param name="frameWidth">The picture's width in pixels: a newcomer left of its middle is the left person.</param>
public sealed class PositionalIdentities(bool swap, float frameWidth, TimeSpan memory)
{
    /// <summary>A landmark below this visibility is not used to place a person (the features' own threshold).</summary>
    private const float Visible = 0.5f;

    /// <summary>The smallest unit of distance, in pixels, so a person seen edge-on still has one.</summary>
    private const float MinimumUnit = 10f;

    private readonly ParticipantAssigner assigner = new(swap, memory);
    private readonly Dictionary<Participant, (Place Now, Place? Before)> lastFrame = [];

    /// <summary>The people of one frame (each 33 landmarks in pixels) with their participants, at most two.</summary>
    public PoseFrame Assign(MediaTime time, IReadOnlyList<IReadOnlyList<PoseLandmark>> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var found = bodies
            .Select(body => (Body: body, Place: PlaceOf(body)))
            .Where(b => b.Place is not null)
            .OrderByDescending(b => b.Place!.Size)
            .Take(2)
            .Select(b => (b.Body, Place: b.Place!))
            .ToList();

        var participants = Followed(found.Select(f => f.Place).ToList());
        var newcomers = Enumerable.Range(0, found.Count).Where(i => participants[i] is null).ToList();
        if (newcomers.Count > 0)
        {
            var placed = assigner.Assign([.. newcomers.Select(i => found[i].Place.X)], [.. participants.OfType<Participant>()], frameWidth, time);
            for (var k = 0; k < newcomers.Count; k++)
                participants[newcomers[k]] = placed[k];
        }

        var previous = new Dictionary<Participant, (Place Now, Place? Before)>(lastFrame);
        lastFrame.Clear();
        var people = new List<PersonPose>();
        for (var i = 0; i < found.Count; i++)
        {
            if (participants[i] is not { } participant)
                continue;
            lastFrame[participant] = (found[i].Place, previous.TryGetValue(participant, out var before) ? before.Now : null);
            assigner.Seen(participant, found[i].Place.X, time);
            people.Add(new PersonPose(participant, found[i].Body));
        }

        return new PoseFrame(time, [.. people.OrderBy(p => p.Participant)]);
    }

    /// <summary>
    /// Each person's participant from the last frame, or null for a newcomer: of the ways to pair this frame's people
    /// with last frame's participants (each within that participant's unit), the one pairing the most, nearest in sum.
    /// </summary>
    private Participant?[] Followed(List<Place> places)
    {
        var best = new Participant?[places.Count];
        var (bestPairs, bestDistance) = (0, double.PositiveInfinity);
        var tracked = lastFrame.Keys.ToList();
        foreach (var pairing in Pairings(places.Count, tracked))
        {
            var (pairs, distance) = (0, 0.0);
            var fits = true;
            for (var i = 0; i < places.Count && fits; i++)
            {
                if (pairing[i] is not { } participant)
                    continue;
                var (now, before) = lastFrame[participant];
                var d = places[i].DistanceTo(before is null ? now : now.MovedOnFrom(before));
                fits = d < now.Unit;
                (pairs, distance) = (pairs + 1, distance + d);
            }

            if (fits && (pairs > bestPairs || (pairs == bestPairs && distance < bestDistance)))
                (best, bestPairs, bestDistance) = (pairing, pairs, distance);
        }

        return best;
    }

    /// <summary>Every way to give each of <paramref name="count"/> people one of <paramref name="tracked"/> or none, no participant twice.</summary>
    private static IEnumerable<Participant?[]> Pairings(int count, List<Participant> tracked)
    {
        if (count == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var rest in Pairings(count - 1, tracked))
        {
            yield return [.. rest, null];
            foreach (var participant in tracked.Where(p => !rest.Contains(p)))
                yield return [.. rest, participant];
        }
    }

    /// <summary>
    /// Where a body is: its shoulder midpoint with the shoulder width as unit when both shoulders are seen, else the
    /// middle of its visible landmarks with a third of their extent; its size is the extent (the diagonal of the box
    /// around them). Null when nothing of it is seen.
    /// </summary>
    private static Place? PlaceOf(IReadOnlyList<PoseLandmark> body)
    {
        var seen = body.Where(l => l.Visibility >= Visible && float.IsFinite(l.X) && float.IsFinite(l.Y)).ToList();
        if (seen.Count == 0)
            return null;
        var (left, right) = (seen.Min(l => l.X), seen.Max(l => l.X));
        var (top, bottom) = (seen.Min(l => l.Y), seen.Max(l => l.Y));
        var size = MathF.Sqrt(((right - left) * (right - left)) + ((bottom - top) * (bottom - top)));
        var (ls, rs) = (body[Skeleton.LeftShoulder], body[Skeleton.RightShoulder]);
        if (ls.Visibility >= Visible && rs.Visibility >= Visible)
        {
            var width = MathF.Sqrt(((ls.X - rs.X) * (ls.X - rs.X)) + ((ls.Y - rs.Y) * (ls.Y - rs.Y)));
            return new Place((ls.X + rs.X) / 2, (ls.Y + rs.Y) / 2, Math.Max(MinimumUnit, width), size);
        }

        return new Place((left + right) / 2, (top + bottom) / 2, Math.Max(MinimumUnit, size / 3), size);
    }

    private sealed record Place(float X, float Y, float Unit, float Size)
    {
        public double DistanceTo(Place other) => Math.Sqrt(((X - other.X) * (X - other.X)) + ((Y - other.Y) * (Y - other.Y)));

        /// <summary>Where this place goes next frame at the speed it came from <paramref name="before"/>.</summary>
        public Place MovedOnFrom(Place before) => this with { X = (2 * X) - before.X, Y = (2 * Y) - before.Y };
    }
}
