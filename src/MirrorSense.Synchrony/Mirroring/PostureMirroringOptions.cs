namespace MirrorSense.Synchrony.Mirroring;

/// <summary>Parameters of posture mirroring, with the defaults MirrorSense documents.</summary>
/// <param name="LagSeconds">Largest lead or lag searched, both ways (MEASURES.md §3: 5 s).</param>
/// <param name="WindowSeconds">Sliding window length.</param>
/// <param name="IncrementSeconds">Step between windows.</param>
/// <param name="Surrogates">Surrogate sessions for the p-value.</param>
/// <param name="SegmentSeconds">Segment length of the shuffle, and the smallest circular shift; longer than the lag so lagged copies are broken up.</param>
/// <param name="Seed">Seed of the surrogates.</param>
/// <param name="SurrogateMethod">How surrogates are made.</param>
public sealed record PostureMirroringOptions(
    double LagSeconds = 5,
    double WindowSeconds = 20,
    double IncrementSeconds = 5,
    int Surrogates = 200,
    double SegmentSeconds = 10,
    int Seed = 1,
    PostureSurrogateMethod SurrogateMethod = PostureSurrogateMethod.CircularShift);
