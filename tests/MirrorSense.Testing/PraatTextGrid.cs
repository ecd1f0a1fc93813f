using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace MirrorSense.Testing;

/// <summary>One interval of a TextGrid's interval tier as Praat reports it: times to the microsecond.</summary>
public sealed record PraatInterval(string Tier, decimal Start, decimal End, string Label);

/// <summary>
/// Opens a TextGrid with Debian's <c>praat --run</c> and returns every interval tier's intervals as Praat reads them;
/// the test is skipped, saying why, when praat is not installed, and fails when Praat cannot read the file.
/// </summary>
public static class PraatTextGrid
{
    // Tab-separated so that any label survives; times in microseconds, as fine as media time goes.
    private const string Script = """
        form Intervals of a TextGrid
            sentence Grid_file
        endform
        Read from file: grid_file$
        tiers = Get number of tiers
        for tier to tiers
            name$ = Get tier name: tier
            intervals = Get number of intervals: tier
            for i to intervals
                start = Get start time of interval: tier, i
                end = Get end time of interval: tier, i
                label$ = Get label of interval: tier, i
                appendInfoLine: name$, tab$, fixed$ (start, 6), tab$, fixed$ (end, 6), tab$, label$
            endfor
        endfor
        """;

    public static IReadOnlyList<PraatInterval> Intervals(string textGridPath)
    {
        using var folder = new TempFolder("mirrorsense-praat-grid-");
        var start = new ProcessStartInfo("praat") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--run", folder.Write("intervals.praat", Script), Path.GetFullPath(textGridPath) })
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            Skip.If(true, "praat is not installed (Debian package 'praat'); this test opens the TextGrid with it.");
            return [];
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                process.Kill();
                throw new TimeoutException($"praat did not finish reading {textGridPath} within a minute.");
            }

            if (process.ExitCode != 0)
                throw new InvalidOperationException($"praat could not read {textGridPath} (exit {process.ExitCode}): {errors.Result}");
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).Select(cells => new PraatInterval(
                cells[0], decimal.Parse(cells[1], CultureInfo.InvariantCulture), decimal.Parse(cells[2], CultureInfo.InvariantCulture), cells[3]))];
        }
    }
}
