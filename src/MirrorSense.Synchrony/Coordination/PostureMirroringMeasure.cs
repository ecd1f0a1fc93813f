using MirrorSense.Synchrony.Mirroring;

namespace MirrorSense.Synchrony.Coordination;

/// <summary>
/// Posture mirroring as a coordination measure: the session value is the mirrored similarity at the best
/// lag; each window's value is its best mirrored similarity over lags; episodes are runs of windows above
/// the surrogates' 95th percentile lasting <paramref name="episodeSeconds"/> or more.
/// </summary>
public static class PostureMirroringMeasure
{
    public static CoordinationMeasure From(PostureMirroringResult result, double episodeSeconds = 30)
    {
        ArgumentNullException.ThrowIfNull(result);
        var settings = result.Settings ?? throw new ArgumentException("The result does not say how it was windowed.", nameof(result));
        var (windows, episodes) = SurrogateTest.Test(MeasureNames.PostureMirroring, result.Windows.Select(w =>
        {
            var best = Statistics.ArgMaxOfPresent(w.Mirrored.AsSpan());
            var lag = best < 0 ? double.NaN : settings.LagSecondsAt(best);
            return new MeasureWindow(w.Start, w.End, best < 0 ? double.NaN : w.Mirrored[best], lag, SurrogateTest.LeaderAt(lag));
        }), result.SurrogateWindowBests, episodeSeconds);
        return new CoordinationMeasure(
            MeasureNames.PostureMirroring,
            result.MirroredSimilarity,
            result.PValue,
            result.BestLagSeconds,
            SurrogateTest.LeaderAt(result.BestLagSeconds, LagSearch.Of(settings)),
            windows,
            episodes,
            [
                new("mirrored_similarity", result.MirroredSimilarity),
                new("anatomical_similarity", result.AnatomicalSimilarity),
                new("surrogates", result.Surrogates),
                new("p_floor", result.Surrogates > 0 ? 1.0 / (result.Surrogates + 1) : double.NaN),
                .. result.Aspects.Select(a => new KeyValuePair<string, double>($"weight_{a.Aspect}", a.Weight)),
            ])
        {
            Lags = LagSearch.Of(settings),
            Matrix = new LagMatrix(
                [.. Enumerable.Range(0, settings.LagCount).Select(settings.LagSecondsAt)],
                [.. result.Windows.Select(w => w.Mirrored)],
                new LagMatrixCells("mirrored similarity r", "similarity of A's posture with B's mirror image at each lag: the weighted Fisher-z mean of the components' correlations, back to r", -1, 1)),
        };
    }
}
