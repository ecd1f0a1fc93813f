namespace MirrorSense.Synchrony.Mirroring;

/// <summary>Parameters of posture mirroring, with the defaults MirrorSense documents.</summary>
/// <param name="LagSeconds">Largest lead or lag searched, both ways (MEASURES.md §3: 5 s).</param>
/// <param name="WindowSeconds">Sliding window length.</param>
/// <param name="IncrementSeconds">Step between windows.</param>
/// <param name="Surrogates">Most rotations of B for the p-value (each shift used once; the smallest p is 1 / (surrogates + 1)).</param>
/// <param name="Seed">Seed of the surrogates.</param>
/// <param name="AnalysisRate">
/// Samples per second the descriptors are averaged down to: a posture changes over seconds, so 10 Hz keeps it and its
/// lags to a tenth of a second at a ninth of the 30 Hz grid's cost.
/// </param>
/// <param name="TrendSeconds">
/// Each component loses its own course slower than this, so both people settling or slumping over the session is not
/// read as one answering the other.
/// </param>
/// <param name="ShortestShiftSeconds">Rotations shift B by at least this much (and by more than the lags searched).</param>
public sealed record PostureMirroringOptions(
    double LagSeconds = 5,
    double WindowSeconds = 20,
    double IncrementSeconds = 5,
    int Surrogates = 200,
    int Seed = 1,
    double AnalysisRate = 10,
    double TrendSeconds = 20,
    double ShortestShiftSeconds = 8);
