using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Sessions.Synchrony;

/// <summary>One surrogate dyad and its correlation result.</summary>
public sealed record PseudoResult(PseudoDyad Dyad, CrossCorrelationResult Result);

/// <summary>Surrogate results and, per summary statistic, real versus surrogate.</summary>
public sealed record PseudoSynchronyReport(
    SurrogateMethod Method,
    int Seed,
    IReadOnlyList<PseudoResult> Results,
    IReadOnlyDictionary<string, SurrogateComparison> Comparisons);

/// <summary>Makes the surrogates a run asked for, correlates them like the real dyads, and compares.</summary>
internal sealed class PseudoSynchrony(SyncOptions options)
{
    /// <summary>The per-dyad statistics that are compared, by the summary.csv column they come from.</summary>
    public static readonly IReadOnlyList<(string Name, Func<SessionSummary, double> Value)> Statistics =
    [
        ("grand_mean", s => s.GrandMean),
        ("lag0_mean", s => s.Lag0Mean),
        ("all_lags_mean", s => s.AllLagsMean),
        ("s1_lead_mean", s => s.S1LeadMean),
        ("s2_lead_mean", s => s.S2LeadMean),
    ];

    public PseudoSynchronyReport Run(IReadOnlyList<DyadSeries> dyads, IReadOnlyList<CrossCorrelationResult> real, List<string> warnings, CancellationToken cancellation)
    {
        var pseudoDyads = Create(dyads, warnings);
        var results = new List<PseudoResult>(pseudoDyads.Count);
        var tooShort = 0;
        foreach (var pseudo in pseudoDyads)
        {
            if (cancellation.IsCancellationRequested)
            {
                warnings.Add($"Cancelled after {results.Count} of {pseudoDyads.Count} pseudo-dyads; the comparison uses those.");
                break;
            }

            try
            {
                results.Add(new PseudoResult(pseudo, WindowedCrossCorrelation.Compute(pseudo.Series, options.Settings)));
            }
            catch (InsufficientDataException)
            {
                tooShort++;
            }
        }

        if (tooShort > 0)
            warnings.Add($"{tooShort} pseudo-dyads were shorter than one window and were left out.");

        var comparisons = new Dictionary<string, SurrogateComparison>();
        if (real.Count > 0 && results.Count > 0)
        {
            foreach (var (name, value) in Statistics)
            {
                var realValues = real.Select(r => value(r.Summary)).Where(v => !double.IsNaN(v)).ToArray();
                var pseudoValues = results.Select(r => value(r.Result.Summary)).Where(v => !double.IsNaN(v)).ToArray();
                if (realValues.Length > 0 && pseudoValues.Length > 0)
                    comparisons[name] = SurrogateComparison.Compare(realValues, pseudoValues, seed: options.Seed);
            }
        }

        return new PseudoSynchronyReport(options.Surrogates, options.Seed, results, comparisons);
    }

    private IReadOnlyList<PseudoDyad> Create(IReadOnlyList<DyadSeries> dyads, List<string> warnings)
    {
        if (options.Surrogates == SurrogateMethod.Dyads)
        {
            if (dyads.Count < 2)
            {
                warnings.Add($"Dyad shuffling needs at least two readable dyads; {dyads.Count} were read, so no pseudo-dyads were made.");
                return [];
            }

            return options.SurrogateCount is { } count
                ? DyadShuffle.Sample(dyads, count, options.Seed, options.KeepRoles)
                : DyadShuffle.AllPairs(dyads, options.KeepRoles);
        }

        var shuffle = new SegmentShuffle(options.SegmentSeconds, options.Seed);
        var surrogates = new List<PseudoDyad>();
        foreach (var dyad in dyads)
        {
            try
            {
                surrogates.AddRange(shuffle.Create(dyad, options.SurrogateCount ?? 100));
            }
            catch (ArgumentException error)
            {
                warnings.Add(error.Message);
            }
        }

        return surrogates;
    }
}
