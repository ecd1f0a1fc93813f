using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Episodes;

namespace MirrorSense.Synchrony.Coordination;

/// <summary>
/// One window of a coordination measure: its value, the lag at which the partners matched best
/// (positive: B follows A) and who led there. NaN value where the window has no data (nobody visible,
/// nobody speaking): a missing window is never a zero.
/// </summary>
public sealed record MeasureWindow(MediaTime Start, MediaTime End, double Value, double BestLagSeconds, Participant? Leader)
{
    /// <summary>Share of the surrogates' windows at least as high as this one (NaN when untested or missing).</summary>
    public double PValue { get; init; } = double.NaN;
}

/// <summary>
/// The window × lag matrix behind a measure (rMEA's heat map): one row per window, one value per lag in
/// <see cref="LagSeconds"/> order (−lag to +lag), NaN where missing. <paramref name="Cells"/> says what the
/// values are, because measures differ (gesture keeps rMEA's |Fisher z|, posture and tone are back to r).
/// </summary>
public sealed record LagMatrix(ImmutableArray<double> LagSeconds, ImmutableArray<ImmutableArray<double>> Rows, LagMatrixCells Cells);

/// <summary>What the cells of a <see cref="LagMatrix"/> hold, so outputs and plots can say it instead of guessing from a measure's name.</summary>
/// <param name="Name">Short name for a colour bar or column ("correlation r", "|Fisher z|").</param>
/// <param name="Description">One sentence for a caption or a reader of the files.</param>
/// <param name="Low">Lowest value a cell can take.</param>
/// <param name="High">Highest value a cell can take.</param>
public sealed record LagMatrixCells(string Name, string Description, double Low, double High)
{
    /// <summary>Pearson r: signed, −1 to 1.</summary>
    public static LagMatrixCells Correlation { get; } = new("correlation r", "Pearson correlation r of A and B at each lag", -1, 1);

    /// <summary>What a cross-correlation result holds after rMEA's post-processing (Fisher z, absolute value, both or neither).</summary>
    public static LagMatrixCells Of(CrossCorrelation.CrossCorrelationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var limit = CrossCorrelation.CorrelationTransform.FisherZLimit;
        return (settings.FisherZ, settings.Absolute) switch
        {
            (true, true) => new("|Fisher z|", $"absolute Fisher z (atanh r, clipped to {limit}) of A and B at each lag, as rMEA's MEAccf", 0, limit),
            (true, false) => new("Fisher z", $"Fisher z (atanh r, clipped to ±{limit}) of A and B at each lag", -limit, limit),
            (false, true) => new("|correlation r|", "absolute Pearson correlation |r| of A and B at each lag", 0, 1),
            (false, false) => Correlation,
        };
    }
}

/// <summary>
/// A coordination measure of a whole session (MEASURES.md §3) with its significance against surrogates
/// of the same session, its windows over time and the episodes where it rose above chance.
/// </summary>
/// <param name="Name">The measure's name in every output: see <see cref="MeasureNames"/>.</param>
/// <param name="Value">The session value (what it means is documented per measure).</param>
/// <param name="PValue">One-sided surrogate p (real counted among the surrogates), NaN when it could not be tested.</param>
/// <param name="BestLagSeconds">Positive: B follows A.</param>
/// <param name="Leader">Who leads, or null when the evidence does not say.</param>
/// <param name="Details">Further named values of the measure (e.g. <c>anatomical_similarity</c>), in a stable order.</param>
public sealed record CoordinationMeasure(
    string Name,
    double Value,
    double PValue,
    double BestLagSeconds,
    Participant? Leader,
    ImmutableArray<MeasureWindow> Windows,
    ImmutableArray<CoordinationEpisode> Episodes,
    ImmutableArray<KeyValuePair<string, double>> Details)
{
    public const double SignificanceLevel = 0.05;

    public bool Significant => PValue < SignificanceLevel;

    /// <summary>
    /// <see cref="PValue"/> adjusted by Holm's method across the session's headline measures (those tested in one
    /// analysis), NaN when the measure was not tested or not adjusted.
    /// </summary>
    public double PAdjusted { get; init; } = double.NaN;

    public double Detail(string name) => Details.FirstOrDefault(d => d.Key == name, new(name, double.NaN)).Value;

    /// <summary>The window × lag matrix, for measures that have one (posture, gesture, tone).</summary>
    public LagMatrix? Matrix { get; init; }

    /// <summary>The lags the measure searched, for measures that search lags (posture, gesture, tone).</summary>
    public LagSearch? Lags { get; init; }

    /// <summary>
    /// True when the best lag lies at the edge of the searched range: the peak may lie beyond it (a slow trend
    /// rather than an alignment), so such a lag names no leader.
    /// </summary>
    public bool LagAtEdge => Lags is { } lags && lags.IsAtEdge(BestLagSeconds);

    /// <summary>The result's cells as they are (what they hold follows from its settings).</summary>
    internal static LagMatrix MatrixOf(CrossCorrelation.CrossCorrelationResult result) =>
        new(LagsOf(result), [.. result.Windows.Select(w => w.Values)], LagMatrixCells.Of(result.Settings));

    /// <summary>The result's cells mapped by <paramref name="transform"/>, which turns them into <paramref name="cells"/>.</summary>
    internal static LagMatrix MatrixOf(CrossCorrelation.CrossCorrelationResult result, Func<double, double> transform, LagMatrixCells cells) =>
        new(LagsOf(result), [.. result.Windows.Select(w => ImmutableArray.CreateRange(w.Values, transform))], cells);

    private static ImmutableArray<double> LagsOf(CrossCorrelation.CrossCorrelationResult result) =>
        [.. Enumerable.Range(0, result.Settings.LagCount).Select(result.Settings.LagSecondsAt)];
}

/// <summary>The lags a measure searched: from −<paramref name="RangeSeconds"/> to +<paramref name="RangeSeconds"/> in steps of <paramref name="StepSeconds"/>.</summary>
public sealed record LagSearch(double RangeSeconds, double StepSeconds)
{
    /// <summary>True when <paramref name="lagSeconds"/> is the first or last lag searched (false when it is missing).</summary>
    public bool IsAtEdge(double lagSeconds) => !double.IsNaN(lagSeconds) && Math.Abs(lagSeconds) > RangeSeconds - StepSeconds / 2;

    public static LagSearch Of(CrossCorrelation.CrossCorrelationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.LagSecondsAt(settings.LagCount - 1), 1 / settings.SampleRate);
    }
}

/// <summary>The names measures carry in CSV, JSON and ELAN outputs.</summary>
public static class MeasureNames
{
    public const string PostureMirroring = "posture_mirroring";
    public const string GestureSynchrony = "gesture_synchrony";
    public const string Tone = "tone";
    public const string Tempo = "tempo";
    public const string Volume = "volume";
    public const string Inflection = "inflection";
    public const string SmileMimicry = "smile_mimicry";
    public const string MutualGaze = "mutual_gaze";
    public const string NodReciprocity = "nod_reciprocity";
    public const string Proximity = "proximity";
}

/// <summary>Shared rules for turning surrogate statistics into p-values, baselines and leaders.</summary>
public static class SurrogateTest
{
    /// <summary>Share of surrogates at least as high as the real value, the real one counted (so never 0).</summary>
    public static double PValue(double real, IReadOnlyCollection<double> surrogates)
    {
        if (double.IsNaN(real) || surrogates.Count == 0)
            return double.NaN;
        var atLeast = surrogates.Count(s => !double.IsNaN(s) && s >= real);
        return (1.0 + atLeast) / (1.0 + surrogates.Count);
    }

    /// <summary>
    /// Share of surrogates at least as high as the real value each was compared with (the real statistic over the
    /// windows that surrogate kept), the real one counted; NaN without any.
    /// </summary>
    public static double PValue(IReadOnlyCollection<(double Surrogate, double Real)> comparisons) =>
        comparisons.Count == 0 ? double.NaN : (1.0 + comparisons.Count(c => c.Surrogate >= c.Real)) / (1.0 + comparisons.Count);

    /// <summary>
    /// Each window with its p against the surrogates' windows, and the episodes: runs of windows above the
    /// surrogates' 95th percentile (a window value chance reaches only 5 % of the time).
    /// </summary>
    public static (ImmutableArray<MeasureWindow> Windows, ImmutableArray<CoordinationEpisode> Episodes) Test(
        string measure, IEnumerable<MeasureWindow> windows, IEnumerable<double> surrogateWindowValues, double episodeSeconds)
    {
        var surrogates = surrogateWindowValues.Where(v => !double.IsNaN(v)).Order().ToArray();
        var tested = windows.Select(w => w with { PValue = surrogates.Length == 0 || double.IsNaN(w.Value) ? double.NaN : (1.0 + CountAtLeast(surrogates, w.Value)) / (1.0 + surrogates.Length) })
            .ToImmutableArray();
        if (surrogates.Length == 0)
            return (tested, []);
        var baseline = Statistics.QuantileOfPresent(surrogates, 0.95);
        var episodes = new EpisodeDetector(baseline, TimeSpan.FromSeconds(episodeSeconds))
            .Find(measure, tested.Select(w => new WindowValue(w.Start, w.End, w.Value, w.BestLagSeconds)));
        return (tested, [.. episodes]);
    }

    private static int CountAtLeast(double[] sorted, double value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
            return sorted.Length - ~index;
        while (index > 0 && sorted[index - 1] == value)
            index--;
        return sorted.Length - index;
    }

    /// <summary>A positive lag means B follows A, so A leads; lag 0 or none names no one.</summary>
    public static Participant? LeaderAt(double lagSeconds) =>
        double.IsNaN(lagSeconds) || lagSeconds == 0 ? null : lagSeconds > 0 ? Participant.A : Participant.B;

    /// <summary>As <see cref="LeaderAt(double)"/>, but a lag at the edge of the search names no one either.</summary>
    public static Participant? LeaderAt(double lagSeconds, LagSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return search.IsAtEdge(lagSeconds) ? null : LeaderAt(lagSeconds);
    }
}
