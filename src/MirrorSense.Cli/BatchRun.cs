using System.Diagnostics;
using System.Globalization;
using MirrorSense.Capture;
using MirrorSense.Capture.Video;
using MirrorSense.Sessions;
using MirrorSense.Sessions.Analysis;
using MirrorSense.Sessions.Batch;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Vision;

namespace MirrorSense.Cli;

/// <summary>Everything <c>mirrorsense batch</c> was asked to do, checked.</summary>
/// <param name="Jobs">How many sessions run at once.</param>
internal sealed record BatchRequest(BatchManifest Manifest, string Output, Shard Shard, int Jobs, CoordinationSettings Settings, PoseOptions Pose)
{
    public IEnumerable<ManifestSession> Sessions => Manifest.Sessions.Where(s => Shard.Includes(s.Row));

    public string SessionFolder(string id) => Path.Combine(Output, id);

    public string SummaryPath(string id) => Path.Combine(SessionFolder(id), "summary.json");

    /// <summary><c>batch.csv</c>, or <c>batch-2-of-8.csv</c> for a shard, so shards sharing a folder never write the same file.</summary>
    public string StatusPath => Path.Combine(Output, $"batch{Shard.FileSuffix}.csv");

    public string MeasuresPath => Path.Combine(Output, $"measures{Shard.FileSuffix}.csv");
}

/// <summary>What a batch did, for the exit code.</summary>
internal sealed record BatchOutcome(IReadOnlyList<BatchSessionResult> Results, bool Cancelled)
{
    public bool AnyFailed => Results.Any(r => r.Status == BatchSessionStatus.Failed);
}

/// <summary>
/// Runs the sessions of a manifest (or of one shard of it), <see cref="BatchRequest.Jobs"/> at a time, each into its own
/// folder: finished ones are skipped, a failing one is recorded and the rest go on. The status table is rewritten after
/// every session, so it is right even if the run is killed; the tidy measures table is written at the end.
/// </summary>
internal sealed class BatchRun(BatchRequest request, TextWriter log)
{
    private readonly Lock _gate = new();
    private readonly List<(int Row, BatchSessionResult Result)> _results = [];
    private readonly Stopwatch _clock = new();
    private int _ran;
    private int _reported;
    private int _total;
    private int _toRun;

    public BatchOutcome Run(CancellationToken cancellation)
    {
        Directory.CreateDirectory(request.Output);
        var sessions = request.Sessions.ToList();
        _total = sessions.Count;
        var pending = new List<ManifestSession>();
        foreach (var session in sessions)
        {
            if (BatchMeasuresTable.IsComplete(request.SummaryPath(session.Id)))
                Record(session, new BatchSessionResult(session.Id, BatchSessionStatus.Skipped, AnalyzeCommand.ExitOk, "already complete", 0), ran: false);
            else
                pending.Add(session);
        }

        _toRun = pending.Count;
        _clock.Start();
        var options = new ParallelOptions { MaxDegreeOfParallelism = request.Jobs };
        Parallel.ForEach(pending, options, session =>
        {
            if (!cancellation.IsCancellationRequested)
                Record(session, Analyse(session, cancellation), ran: true);
        });

        WriteStatus();
        WriteMeasures(request, sessions);
        lock (_gate)
            return new BatchOutcome([.. _results.OrderBy(r => r.Row).Select(r => r.Result)], cancellation.IsCancellationRequested);
    }

    /// <summary>Writes the tidy table of the given sessions from the summaries present; returns how many had one.</summary>
    public static int WriteMeasures(BatchRequest request, IEnumerable<ManifestSession> sessions)
    {
        var found = 0;
        AtomicFile.Write(request.MeasuresPath, writer => found = BatchMeasuresTable.Write(sessions.Select(s => (s.Id, request.SummaryPath(s.Id))), writer));
        return found;
    }

    private BatchSessionResult Analyse(ManifestSession session, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var where = $"{request.Manifest.Path}:{session.Line}: {session.Id}: ";
        BatchSessionResult Result(BatchSessionStatus status, int exit, string message) => new(session.Id, status, exit, message, watch.Elapsed.TotalSeconds);

        AnalyzeRequest analyze;
        try
        {
            analyze = SessionRequests.Resolve(session.Inputs, InputLabels.Columns, request.SessionFolder(session.Id), request.Settings, request.Pose);
        }
        catch (UsageException error)
        {
            return Result(BatchSessionStatus.Failed, AnalyzeCommand.ExitUsage, where + error.Message);
        }
        catch (Exception error) when (error is AudioSourceException or VideoSourceException or FileNotFoundException)
        {
            return Result(BatchSessionStatus.Failed, AnalyzeCommand.ExitInputFailed, where + error.Message);
        }

        try
        {
            var outcome = new SessionAnalysisRun(analyze).Run(null, cancellation);
            if (outcome.Cancelled)
                return Result(BatchSessionStatus.Cancelled, AnalyzeCommand.ExitCancelled, "stopped with Ctrl+C; its outputs cover what was processed.");
            if (outcome.Errors.Count > 0)
                return Result(BatchSessionStatus.Failed, AnalyzeCommand.ExitInputFailed, where + string.Join("; ", outcome.Errors));
            return Result(BatchSessionStatus.Done, AnalyzeCommand.ExitOk, string.Join("; ", outcome.Report.Missing.Select(m => $"{m.Name} not measured: {m.Reason}")));
        }
        catch (OperationCanceledException)
        {
            return Result(BatchSessionStatus.Cancelled, AnalyzeCommand.ExitCancelled, "stopped with Ctrl+C.");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Result(BatchSessionStatus.Failed, AnalyzeCommand.ExitInputFailed, $"{where}cannot write to '{analyze.Output}': {error.Message}");
        }
        catch (Exception error)
        {
            // One session's unforeseen failure is that session's: recorded with its kind, and the batch goes on.
            return Result(BatchSessionStatus.Failed, AnalyzeCommand.ExitInputFailed, $"{where}{error.GetType().Name}: {error.Message}");
        }
    }

    private void Record(ManifestSession session, BatchSessionResult result, bool ran)
    {
        lock (_gate)
        {
            _results.Add((session.Row, result));
            _reported++;
            if (ran)
                _ran++;
            log.WriteLine(Line(result));
            if (ran)
                WriteStatus();
        }
    }

    private string Line(BatchSessionResult result)
    {
        var head = $"[{_reported}/{_total}] {result.Id}";
        var what = result.Status switch
        {
            BatchSessionStatus.Skipped => $"skipped: already complete in {request.SessionFolder(result.Id)}",
            BatchSessionStatus.Done => string.Create(CultureInfo.InvariantCulture, $"done in {result.Seconds:0.0} s"),
            BatchSessionStatus.Cancelled => "stopped (Ctrl+C)",
            _ => $"FAILED (exit {result.ExitCode}): {result.Message}",
        };
        if (result.Status == BatchSessionStatus.Skipped)
            return $"{head} {what}";
        var left = _toRun - _ran;
        var eta = left == 0 ? "all done" : $"{left} left, about {Duration(_clock.Elapsed.TotalSeconds / _ran * left)} to go";
        return $"{head} {what} · {eta}";
    }

    private static string Duration(double seconds) =>
        TimeSpan.FromSeconds(Math.Round(seconds)).ToString(seconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);

    private void WriteStatus()
    {
        lock (_gate)
            AtomicFile.Write(request.StatusPath, writer => BatchStatusCsv.Write(_results.OrderBy(r => r.Row).Select(r => r.Result), writer));
    }
}
