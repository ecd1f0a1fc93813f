namespace MirrorSense.Synchrony.Mirroring;

/// <summary>Parameters of posture mirroring, with the defaults MirrorSense documents.</summary>
/// <param name="LagSeconds">Largest lead or lag searched, both ways (MEASURES.md §3: 5 s).</param>
/// <param name="WindowSeconds">Sliding window length.</param>
/// <param name="IncrementSeconds">Step between windows.</param>
/// <param name="Surrogates">Surrogate sessions for the p-value (the smallest p possible is 1 / (surrogates + 1)).</param>
/// <param name="Seed">Seed of the surrogates.</param>
public sealed record PostureMirroringOptions(
    double LagSeconds = 5,
    double WindowSeconds = 20,
    double IncrementSeconds = 5,
    int Surrogates = 200,
    int Seed = 1);
