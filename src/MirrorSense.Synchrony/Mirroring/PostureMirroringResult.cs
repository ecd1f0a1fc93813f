using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;

namespace MirrorSense.Synchrony.Mirroring;

/// <summary>One window: mirrored and anatomical (same-side) similarity at every lag, −lag..+lag.</summary>
public sealed record PostureMirroringWindow(int Index, MediaTime Start, MediaTime End, ImmutableArray<double> Mirrored, ImmutableArray<double> Anatomical);

/// <summary>
/// Posture mirroring of a session. Similarities are correlations (Fisher-z averaged over components
/// and windows, then back to r); a positive lag means B follows A.
/// </summary>
/// <param name="MirroredSimilarity">Highest mirrored similarity over lags: the measure's value.</param>
/// <param name="AnatomicalSimilarity">Highest same-side similarity over lags, to tell mirroring from copying the same side.</param>
/// <param name="BestLagSeconds">Lag of the highest mirrored similarity.</param>
/// <param name="Leader">A when B follows A (positive best lag), B when A follows B, null at lag 0.</param>
/// <param name="PValue">Share of surrogates at least as similar (with the real one counted), or NaN without surrogates.</param>
public sealed record PostureMirroringResult(
    double MirroredSimilarity,
    double AnatomicalSimilarity,
    double BestLagSeconds,
    Participant? Leader,
    double PValue,
    ImmutableArray<double> MirroredProfile,
    ImmutableArray<double> AnatomicalProfile,
    ImmutableArray<PostureMirroringWindow> Windows)
{
    public bool IsMirroring => MirroredSimilarity > AnatomicalSimilarity;

    /// <summary>Every surrogate window's best mirrored similarity over lags (empty without surrogates): the chance level of a window.</summary>
    public ImmutableArray<double> SurrogateWindowBests { get; init; } = [];

    /// <summary>
    /// How many surrogates the p-value rests on (0: untested). The smallest p possible is 1 / (surrogates + 1).
    /// </summary>
    public int Surrogates { get; init; }

    /// <summary>The windowing the result was computed with (lags of the window rows).</summary>
    public CrossCorrelationSettings? Settings { get; init; }

    /// <summary>How much each aspect of the posture counted (empty without surrogates: then all counted alike).</summary>
    public ImmutableArray<PostureAspectWeight> Aspects { get; init; } = [];
}

/// <summary>An aspect of the posture (named by its first component) and its weight in the similarity: one over its chance spread.</summary>
public sealed record PostureAspectWeight(string Aspect, double Weight);
