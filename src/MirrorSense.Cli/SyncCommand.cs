using System.CommandLine;
using System.Globalization;
using MirrorSense.Sessions.Readers;
using MirrorSense.Sessions.Synchrony;
using MirrorSense.Synchrony.CrossCorrelation;
using Spectre.Console;

namespace MirrorSense.Cli;

/// <summary><c>mirrorsense sync</c>: rMEA-compatible windowed lagged cross-correlation of recorded series.</summary>
internal static class SyncCommand
{
    public const int ExitOk = 0;
    public const int ExitSomeFilesFailed = 1;
    public const int ExitUsage = 2;
    public const int ExitMissingWindows = 3;
    public const int ExitCancelled = 130;

    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Series files, one dyad each: .txt as rMEA reads them (header line, whitespace-separated, NA = missing), or .csv/.tsv with a header. The dyad is named after the file.",
            Arity = ArgumentArity.OneOrMore,
        };
        var fps = new Option<double>("--fps") { Description = "Sample rate of the files in Hz (rMEA readMEA sampRate).", Required = true };
        var lag = new Option<double>("--lag") { Description = "Largest lag in seconds, both directions (MEAccf lagSec).", Required = true };
        var win = new Option<double>("--win") { Description = "Window length in seconds (MEAccf winSec).", Required = true };
        var inc = new Option<double>("--inc") { Description = "Step between window starts in seconds (MEAccf incSec); less than --win overlaps windows.", Required = true };
        var signed = new Option<bool>("--signed") { Description = "Keep the sign of correlations (MEAccf ABS=FALSE). Default: absolute values, as rMEA." };
        var noZ = new Option<bool>("--no-z") { Description = "Report Pearson r instead of Fisher z (MEAccf r2Z=FALSE). Default: z = atanh(r), clipped to ±10." };
        var smooth = new Option<double?>("--smooth") { Description = "Moving-average smoothing window in seconds before correlating (MEAsmooth moving.average.win; rMEA's default is 0.5)." };
        var smoothing = new Option<string>("--smoothing")
        {
            Description = "rmea: MEAsmooth exactly, quirks included (a fractional window, zeros at the end); centred: a proper centred moving average.",
            DefaultValueFactory = _ => "rmea",
        };
        smoothing.AcceptOnlyFromAmong("rmea", "centred");
        var scale = new Option<string?>("--scale") { Description = "sd: divide each series by its standard deviation, no centring (MEAscale scale=\"sd\")." };
        scale.AcceptOnlyFromAmong("sd");
        var columns = new Option<string>("--columns")
        {
            Description = "The columns of A (subject 1, s1) and B (s2): 1-based positions or header names, e.g. 1,2 or pat,th (readMEA s1Col, s2Col).",
            DefaultValueFactory = _ => "1,2",
        };
        var pseudo = new Option<string?>("--pseudo") { Description = "Surrogates for a chance baseline. dyads: pair every signal with every other dyad's (MEAshuffle); segments: shuffle segments of each series in time." };
        pseudo.AcceptOnlyFromAmong("dyads", "segments");
        var seg = new Option<double>("--seg") { Description = "Segment length in seconds for --pseudo segments.", DefaultValueFactory = _ => 30 };
        var n = new Option<int?>("--n") { Description = "How many surrogates: with dyads, a seeded random sample of that size (default: all combinations); with segments, per dyad (default 100)." };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice (surrogates, permutation test); reported in summary.json.", DefaultValueFactory = _ => 1 };
        var keepRoles = new Option<bool>("--keep-roles") { Description = "With --pseudo dyads, pair only A signals with B signals (MEAshuffle keepRoles)." };
        var output = new Option<string>("--out") { Description = "Output folder: summary.csv, <dyad>.ccf.csv, <dyad>.windows.csv, summary.json (+ pseudo.csv).", Required = true };

        var command = new Command("sync", """
            Windowed lagged cross-correlation of two behavioural series per dyad, number for number as the R
            package rMEA 1.3.0 (MEAccf, MEAsmooth, MEAscale). A high value at a positive lag means B follows A.

            Example (rMEA: MEAccf(mea, lagSec=5, winSec=60, incSec=30)):
              mirrorsense sync data/*.txt --fps 25 --lag 5 --win 60 --inc 30 --out results

            Exit codes: 0 all files done; 1 some files could not be analysed (the others were);
            2 usage error; 3 done, but some windows had too much missing data and are empty;
            130 stopped with Ctrl+C (files finished so far are written and summarised).
            """)
        {
            files, fps, lag, win, inc, signed, noZ, smooth, smoothing, scale, columns, pseudo, seg, n, seed, keepRoles, output,
        };

        command.SetAction((parse, cancellation) =>
        {
            CrossCorrelationSettings settings;
            ColumnSelection columnSelection;
            try
            {
                settings = new CrossCorrelationSettings(parse.GetValue(fps), parse.GetValue(lag), parse.GetValue(win), parse.GetValue(inc),
                    fisherZ: !parse.GetValue(noZ), absolute: !parse.GetValue(signed));
                columnSelection = ColumnSelection.Parse(parse.GetValue(columns)!);
                if (parse.GetValue(smooth) is { } s && !(s > 0))
                    throw new ArgumentException("--smooth must be a positive number of seconds.");
                if (parse.GetValue(n) is { } count && count < 1)
                    throw new ArgumentException("--n must be at least 1.");
                if (!(parse.GetValue(seg) > 0))
                    throw new ArgumentException("--seg must be a positive number of seconds.");
            }
            catch (Exception error) when (error is ArgumentException or FormatException)
            {
                Console.Error.WriteLine($"mirrorsense sync: {error.Message}");
                return Task.FromResult(ExitUsage);
            }

            var options = new SyncOptions(
                settings,
                columnSelection,
                SmoothSeconds: parse.GetValue(smooth),
                Smoothing: parse.GetValue(smoothing) == "centred" ? SmoothingMode.Centred : SmoothingMode.RMea,
                ScaleBySd: parse.GetValue(scale) == "sd",
                Surrogates: parse.GetValue(pseudo) switch { "dyads" => SurrogateMethod.Dyads, "segments" => SurrogateMethod.Segments, _ => SurrogateMethod.None },
                SegmentSeconds: parse.GetValue(seg),
                SurrogateCount: parse.GetValue(n),
                Seed: parse.GetValue(seed),
                KeepRoles: parse.GetValue(keepRoles));
            return Task.FromResult(Run(options, parse.GetValue(files)!, parse.GetValue(output)!, cancellation));
        });
        return command;
    }

    private static int Run(SyncOptions options, string[] files, string output, CancellationToken cancellation)
    {
        var run = new SyncRun(options, output);
        SyncReport report;
        try
        {
            report = ConsoleProgress.Show(files.Length > 1, progress => run.Run(files, progress, cancellation));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"mirrorsense sync: cannot write to '{output}': {error.Message}");
            return ExitSomeFilesFailed;
        }

        foreach (var warning in report.Warnings)
            Console.Error.WriteLine($"warning: {warning}");
        foreach (var failed in report.Dyads.Where(d => !d.Succeeded))
            Console.Error.WriteLine($"error: {failed.Error}");

        var done = report.Dyads.Count(d => d.Succeeded);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{done} of {report.Dyads.Count} dyads analysed ({options.Settings}); results in {Path.GetFullPath(output)}"));
        if (report.Pseudo is { } pseudo && pseudo.Comparisons.TryGetValue("grand_mean", out var c))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"real vs {pseudo.Results.Count} pseudo-dyads (grand mean): {c.RealMean:0.####} vs {c.SurrogateMean:0.####}, d = {c.CohensD:0.##}, p = {c.PValue:0.####}"));
        }

        return report.Cancelled ? ExitCancelled : report.AnyFailed ? ExitSomeFilesFailed : report.AnyMissingWindows ? ExitMissingWindows : ExitOk;
    }
}
