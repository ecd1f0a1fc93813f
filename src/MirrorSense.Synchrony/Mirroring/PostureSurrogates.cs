using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Mirroring;

/// <summary>How surrogate sessions for posture mirroring are made.</summary>
public enum PostureSurrogateMethod
{
    /// <summary>
    /// B's session rotated by a random offset: a segment shuffle with two segments, swapped. The least
    /// destructive shuffle, which matters for slow, nearly periodic postural sway: cut into many
    /// segments, surrogates become less similar than real independent pairs and p comes out too small.
    /// </summary>
    CircularShift,

    /// <summary>A's and B's sessions cut into segments put in independent random orders.</summary>
    SegmentShuffle,
}

/// <summary>
/// Surrogates of a posture session that keep each participant's own movement and break the timing
/// between them; all components of a participant move together, so a posture stays a posture.
/// </summary>
internal static class PostureSurrogates
{
    public static IEnumerable<PostureSeries> Create(PostureSeries session, PostureMirroringOptions options)
    {
        var random = new Random(options.Seed);
        var segment = Math.Max(1, (int)Math.Round(options.SegmentSeconds * session.SampleRate));
        if (options.SurrogateMethod == PostureSurrogateMethod.CircularShift)
        {
            // The offset stays a segment away from zero both ways, so no surrogate keeps the real alignment.
            if (session.Length - 2 * segment < 1)
                throw new ArgumentException($"'{session.Name}' is too short for surrogates shifted by at least {options.SegmentSeconds} s.");
            for (var k = 0; k < options.Surrogates; k++)
            {
                var offset = random.Next(segment, session.Length - segment + 1);
                yield return session.WithSeries(session.A, [.. session.B.Select(series => Segments.Rotate(series, offset))], $"{session.Name}~shift{k + 1}");
            }

            yield break;
        }

        var segments = (session.Length + segment - 1) / segment;
        if (segments < 2)
            throw new ArgumentException($"'{session.Name}' is too short to shuffle {options.SegmentSeconds} s segments.");
        for (var k = 0; k < options.Surrogates; k++)
        {
            var orderA = Segments.Permutation(random, segments);
            var orderB = Segments.Permutation(random, segments);
            yield return session.WithSeries(
                [.. session.A.Select(series => Segments.Reorder(series, segment, orderA))],
                [.. session.B.Select(series => Segments.Reorder(series, segment, orderB))],
                $"{session.Name}~segments{k + 1}");
        }
    }
}
