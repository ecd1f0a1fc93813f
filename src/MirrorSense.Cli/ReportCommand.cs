using System.CommandLine;
using MirrorSense.Report;
using MirrorSense.Sessions.Readers;

namespace MirrorSense.Cli;

/// <summary><c>mirrorsense report DIR</c>: (re)builds <c>report.html</c> from an analysis output folder.</summary>
internal static class ReportCommand
{
    public const int ExitOk = 0;
    public const int ExitInputFailed = 1;

    public static Command Create()
    {
        var folder = new Argument<string>("DIR") { Description = "The output folder of `mirrorsense analyze` (summary.json, synchrony.csv, features.csv, …)." };
        var command = new Command("report", """
            Writes report.html into an analysis output folder: the summary table with a plain reading of each
            measure, window × lag heat maps, coordination over time with episodes, pose traces, motion energy,
            pitch and intensity. One self-contained file (plots embedded), built only from the folder's files.

            Example:
              mirrorsense report results/

            Exit codes: 0 written; 1 summary.json is missing or a file of the folder is malformed (named).
            """)
        {
            folder,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(folder)!;
            try
            {
                var path = SessionReport.Write(dir);
                Console.WriteLine($"report: {Path.GetFullPath(path)}");
                return ExitOk;
            }
            catch (Exception error) when (error is SeriesFormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"mirrorsense report: {error.Message}");
                return ExitInputFailed;
            }
        });
        return command;
    }
}
