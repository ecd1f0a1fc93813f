namespace MirrorSense.Synchrony.Surrogates;

/// <summary>
/// Surrogates for events (nods) that keep how many fall in every stretch of a fixed length and break only their
/// timing within it: the session is cut into consecutive windows and each window's events are rotated round that
/// window by an offset of its own. A whole-session rotation moves lively stretches away from the partner's lively
/// stretches, so two people who both nod more when the talk warms up beat it by mood alone (one session in seven with a
/// shared mood came out significant); this one keeps each stretch's rate in place, so only timing finer than the window
/// can beat it (interval jitter, Amarasingham et al., J Neurophysiol 107 (2012) 517–531). Rotating the window's events
/// together, rather than each on its own, also keeps the spacing of the person's own nods, which never overlap.
/// </summary>
internal static class WindowedEventRotation
{
    /// <param name="events">Event samples in ascending order, each in [0, <paramref name="length"/>).</param>
    /// <param name="length">Samples in the session; the last window is what is left, possibly shorter.</param>
    /// <param name="window">Samples per window.</param>
    /// <param name="random">Source of the offsets (one draw per window, events or not, so a seed gives the same offsets to every person).</param>
    /// <returns>The rotated events, ascending.</returns>
    public static int[] Rotate(IReadOnlyList<int> events, int length, int window, Random random)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var rotated = new int[events.Count];
        var next = 0;
        for (var from = 0; from < length; from += window)
        {
            var size = Math.Min(window, length - from);
            var offset = random.Next(size);
            for (; next < events.Count && events[next] < from + size; next++)
                rotated[next] = from + (events[next] - from + offset) % size;
        }

        Array.Sort(rotated);
        return rotated;
    }
}
