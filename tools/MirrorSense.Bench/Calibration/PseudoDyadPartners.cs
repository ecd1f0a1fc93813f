namespace MirrorSense.Bench.Calibration;

/// <summary>rMEA's shuffle for designed sessions: two different sessions, one to give A and the other B.</summary>
internal static class PseudoDyadPartners
{
    /// <summary>Two different sessions of <paramref name="sessions"/> drawn at random: A comes from the first, B from the second.</summary>
    public static (T WithA, T WithB) Draw<T>(IReadOnlyList<T> sessions, Random random)
    {
        if (sessions.Count < 2)
            throw new InvalidOperationException("Pseudo-dyads need at least two independent sessions.");
        var i = random.Next(sessions.Count);
        var j = random.Next(sessions.Count - 1);
        if (j >= i)
            j++;
        return (sessions[i], sessions[j]);
    }
}
