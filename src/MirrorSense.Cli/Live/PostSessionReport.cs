using MirrorSense.Sessions.Batch;
using MirrorSense.Sessions.Readers;
using MirrorSense.Sessions.Recording;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Vision;

namespace MirrorSense.Cli.Live;

/// <summary>
/// The trainee's report after a live session: the recorded folder analysed as <c>mirrorsense analyze --session</c>
/// does (measures with significance, the episodes that mattered, plots), into its <c>analysis/</c> folder.
/// </summary>
internal static class PostSessionReport
{
    /// <returns>The report's path, or null (with the reason said) when none could be made; the recording stays either way.</returns>
    public static string? Write(string folder, PoseOptions pose, TextWriter console, CancellationToken cancellation)
    {
        var output = Path.Combine(folder, "analysis");
        try
        {
            var request = SessionRequests.FromRecording(folder, new SessionInputs(), output, new CoordinationSettings(), pose);
            console.WriteLine("Analysing the session for your report…");
            var outcome = new SessionAnalysisRun(request).Run(null, cancellation);
            foreach (var warning in outcome.Warnings)
                console.WriteLine($"  note: {warning}");
            var report = Path.Combine(output, "report.html");
            return File.Exists(report) ? report : null;
        }
        catch (Exception error) when (error is SessionFolderException or UsageException or IOException or SeriesFormatException)
        {
            console.WriteLine($"No report this time ({error.Message}). The recording is kept in {folder}; try: mirrorsense analyze --session {folder}");
            return null;
        }
    }
}
