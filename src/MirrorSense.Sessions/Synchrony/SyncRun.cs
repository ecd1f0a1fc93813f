using System.Runtime.ExceptionServices;
using System.Text;
using MirrorSense.Core;
using MirrorSense.Sessions.Readers;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Preprocessing;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Sessions.Synchrony;

/// <summary>What happened to one input file.</summary>
public sealed record DyadOutcome(string File, string Dyad, CrossCorrelationResult? Result, string? Error)
{
    public bool Succeeded => Result is not null;
}

/// <summary>Progress of a run: <paramref name="Done"/> of <paramref name="Total"/> steps, and what is being worked on.</summary>
public readonly record struct SyncProgress(int Done, int Total, string Current);

/// <summary>The outcome of a whole run, also written to <c>summary.json</c>.</summary>
public sealed record SyncReport(
    SyncOptions Options,
    IReadOnlyList<DyadOutcome> Dyads,
    PseudoSynchronyReport? Pseudo,
    IReadOnlyList<string> Warnings,
    bool Cancelled)
{
    public bool AnyFailed => Dyads.Any(d => !d.Succeeded);
    public bool AnyMissingWindows => Dyads.Any(d => d.Result?.Summary.MissingWindows > 0);
}

/// <summary>
/// A <c>mirrorsense sync</c> run over many files: read, pre-process, correlate and write each dyad
/// (one bad file is reported and the rest go on), then the summary table and, if asked, surrogates.
/// </summary>
public sealed class SyncRun(SyncOptions options, string outputDirectory)
{

    public SyncReport Run(IReadOnlyList<string> files, IProgress<SyncProgress>? progress = null, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(outputDirectory);
        var total = files.Count + (options.Surrogates == SurrogateMethod.None ? 0 : 1);
        var analysed = new DyadAnalysis?[files.Count];
        var outcomes = new DyadOutcome[files.Count];
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new List<int>();
        for (var i = 0; i < files.Count; i++)
        {
            var dyad = Path.GetFileNameWithoutExtension(files[i]);
            if (seen.TryGetValue(dyad, out var earlier))
                outcomes[i] = new DyadOutcome(files[i], dyad, null, $"{files[i]}: another input, {earlier}, has the same name '{dyad}'; outputs are named after the file, so rename one.");
            else
            {
                seen[dyad] = files[i];
                pending.Add(i);
            }
        }

        // Files are independent and reading and writing them costs as much as correlating them, so
        // they go in parallel; results are gathered by input position, keeping every output in order.
        var done = 0;
        try
        {
            Parallel.ForEach(pending, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var file = files[i];
                var dyad = Path.GetFileNameWithoutExtension(file);
                if (cancellation.IsCancellationRequested)
                {
                    // Stopped by the user: what is done stays written and summarised; the rest is listed.
                    outcomes[i] = new DyadOutcome(file, dyad, null, $"{file}: not analysed, the run was cancelled.");
                    return;
                }
    
                progress?.Report(new SyncProgress(Volatile.Read(ref done), total, dyad));
                analysed[i] = Analyse(file, dyad);
                outcomes[i] = analysed[i]!.Outcome;
                Interlocked.Increment(ref done);
            });
        }
        catch (AggregateException error)
        {
            // An output that cannot be written is the caller's to report, as the same failure would be unparallelised.
            ExceptionDispatchInfo.Throw(error.InnerExceptions[0]);
        }

        var warnings = analysed.SelectMany(a => a?.Warnings ?? []).ToList();
        var prepared = analysed.Where(a => a?.Prepared is not null).Select(a => a!.Prepared!).ToList();

        WriteFile("summary.csv", writer =>
        {
            SynchronyCsvWriter.WriteSummaryHeader(writer);
            foreach (var outcome in outcomes.Where(o => o.Succeeded))
                SynchronyCsvWriter.WriteSummaryRow(writer, outcome.Dyad, outcome.Result!.Summary);
        });

        PseudoSynchronyReport? pseudo = null;
        if (options.Surrogates != SurrogateMethod.None && !cancellation.IsCancellationRequested)
        {
            progress?.Report(new SyncProgress(files.Count, total, "surrogates"));
            pseudo = new PseudoSynchrony(options).Run(prepared, outcomes.Where(o => o.Succeeded).Select(o => o.Result!).ToList(), warnings, cancellation);
            WriteFile("pseudo.csv", writer =>
            {
                SynchronyCsvWriter.WriteSummaryHeader(writer, "pseudo", "source_a", "source_b");
                foreach (var p in pseudo.Results)
                    SynchronyCsvWriter.WriteSummaryRow(writer, p.Result.Dyad, p.Result.Summary, p.Result.Dyad, p.Dyad.SourceA.ToString(), p.Dyad.SourceB.ToString());
            });
        }

        var report = new SyncReport(options, outcomes, pseudo, warnings, cancellation.IsCancellationRequested);
        WriteFile("summary.json", writer => SyncSummaryJson.Write(report, writer));
        progress?.Report(new SyncProgress(total, total, "done"));
        return report;
    }

    private sealed record DyadAnalysis(DyadOutcome Outcome, DyadSeries? Prepared, IReadOnlyList<string> Warnings);

    private DyadAnalysis Analyse(string file, string dyad)
    {
        try
        {
            var series = Prepare(DyadSeriesReader.Read(file, options.Settings.SampleRate, options.Columns));
            var result = WindowedCrossCorrelation.Compute(series, options.Settings);
            WriteDyad(result);
            return new DyadAnalysis(new DyadOutcome(file, dyad, result, null), series, [.. MissingWindowWarnings(file, result)]);
        }
        catch (SeriesFormatException error)
        {
            return new DyadAnalysis(new DyadOutcome(file, dyad, null, error.Message), null, []);
        }
        catch (InsufficientDataException error)
        {
            return new DyadAnalysis(new DyadOutcome(file, dyad, null, $"{file}: {error.Message} Use a shorter --win or --lag."), null, []);
        }
    }

    private DyadSeries Prepare(DyadSeries dyad)
    {
        var steps = new List<ISeriesTransform>();
        if (options.SmoothSeconds is { } seconds)
            steps.Add(options.Smoothing == SmoothingMode.RMea ? new RMeaMovingAverage(seconds) : new CentredMovingAverage(seconds));
        if (options.ScaleBySd)
            steps.Add(new StandardDeviationScaling());
        return dyad.Apply(steps);
    }

    private void WriteDyad(CrossCorrelationResult result)
    {
        WriteFile(result.Dyad + ".ccf.csv", writer => SynchronyCsvWriter.WriteMatrix(result, writer));
        WriteFile(result.Dyad + ".windows.csv", writer => SynchronyCsvWriter.WriteWindows(result, writer));
    }

    private static IEnumerable<string> MissingWindowWarnings(string file, CrossCorrelationResult result)
    {
        var missing = result.Windows.Where(w => w.IsMissing).ToArray();
        if (missing.Length == 0)
            yield break;
        var list = string.Join(", ", missing.Take(10).Select(w => $"w{w.Index + 1} ({w.Start.Seconds:0.##}–{w.End.Seconds:0.##} s)"));
        yield return $"{file}: {missing.Length} of {result.Windows.Length} windows have more than half of their samples missing and are empty: {list}{(missing.Length > 10 ? ", ..." : "")}";
    }

    private void WriteFile(string name, Action<TextWriter> write) => AtomicFile.Write(Path.Combine(outputDirectory, name), write);
}
