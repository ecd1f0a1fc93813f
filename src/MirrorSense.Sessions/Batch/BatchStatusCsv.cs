using MirrorSense.Sessions.Synchrony;

namespace MirrorSense.Sessions.Batch;

/// <summary>What happened to one session of a batch.</summary>
public enum BatchSessionStatus
{
    /// <summary>Analysed completely in this run.</summary>
    Done,

    /// <summary>Its folder already held a complete analysis.</summary>
    Skipped,

    /// <summary>Its inputs could not be used, or the analysis failed part-way.</summary>
    Failed,

    /// <summary>Stopped with Ctrl+C before it finished.</summary>
    Cancelled,
}

/// <param name="ExitCode">What <c>mirrorsense analyze</c> would have returned for the session.</param>
/// <param name="Message">The error, or a note (empty when there is nothing to say).</param>
public sealed record BatchSessionResult(string Id, BatchSessionStatus Status, int ExitCode, string Message, double Seconds);

/// <summary>Writes <c>batch.csv</c>: <c>id,status,exit_code,message,seconds</c>, one row per session the run handled.</summary>
public static class BatchStatusCsv
{
    public const string Header = "id,status,exit_code,message,seconds";

    public static void Write(IEnumerable<BatchSessionResult> results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\n";
        writer.WriteLine(Header);
        foreach (var result in results)
        {
            writer.WriteLine(string.Join(',',
                CsvCells.Text(result.Id),
                result.Status.ToString().ToLowerInvariant(),
                CsvCells.Number(result.ExitCode),
                CsvCells.Text(result.Message.ReplaceLineEndings(" ")),
                CsvCells.Number(Math.Round(result.Seconds, 3))));
        }
    }
}
