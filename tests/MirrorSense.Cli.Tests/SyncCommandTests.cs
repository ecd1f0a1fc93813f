using System.Globalization;
using System.Text;
using System.Text.Json;
using MirrorSense.Testing;

namespace MirrorSense.Cli.Tests;

public sealed class SyncCommandTests : IDisposable
{
    private static readonly string[] Config = ["--fps", "10", "--lag", "1", "--win", "5", "--inc", "5"];
    private readonly TempFolder _folder = new("mirrorsense-cli-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_good_file_gives_the_summary_the_matrix_and_exit_code_zero()
    {
        var good = _folder.Write("good.txt", Series(200, seed: 1));

        var run = Sync(good);

        Assert.Equal(0, run.ExitCode);
        var summary = File.ReadAllLines(Out("summary.csv"));
        Assert.Equal("dyad,n_windows,grand_mean,lag0_mean,all_lags_mean,s1_lead_mean,s2_lead_mean,best_lag_median_s", summary[0]);
        Assert.StartsWith("good,3,", summary[1]);
        var matrix = File.ReadAllLines(Out("good.ccf.csv"));
        Assert.Equal("window,-1,-0.9,-0.8,-0.7,-0.6,-0.5,-0.4,-0.3,-0.2,-0.1,0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1", matrix[0]);
        Assert.Equal(4, matrix.Length);
    }

    [Fact]
    public void A_missing_file_is_reported_by_name_and_the_other_files_are_still_analysed()
    {
        var good = _folder.Write("good.txt", Series(200, seed: 1));
        var missing = _folder.Combine("absent.txt");

        var run = Sync(missing, good);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("absent.txt", run.Error);
        Assert.Contains(File.ReadAllLines(Out("summary.csv")), line => line.StartsWith("good,", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.Error); // no stack trace for a user mistake
    }

    [Fact]
    public void A_non_numeric_cell_is_reported_as_file_line_and_column()
    {
        var text = new StringBuilder("\"pat\" \"th\"\n");
        for (var i = 0; i < 100; i++)
            text.Append(i == 41 ? "3 oops\n" : "1 2\n");
        var bad = _folder.Write("bad.txt", text.ToString());
        var good = _folder.Write("good.txt", Series(200, seed: 2));

        var run = Sync(bad, good);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{bad}:43:2", run.Error);
        Assert.Contains("oops", run.Error);
        Assert.True(File.Exists(Out("good.ccf.csv")));
    }

    [Fact]
    public void Fewer_samples_than_one_window_names_the_file_and_the_parameters()
    {
        var shortFile = _folder.Write("short.txt", Series(40, seed: 3));

        var run = Sync(shortFile);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("short.txt", run.Error);
        Assert.Contains("40 samples", run.Error);
        Assert.Contains("window 5 s + lag 1 s", run.Error);
    }

    [Fact]
    public void Ragged_rows_name_the_line()
    {
        var ragged = _folder.Write("ragged.txt", "\"pat\" \"th\"\n1 2\n3 4 5\n");

        var run = Sync(ragged);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{ragged}:3", run.Error);
    }

    [Fact]
    public void An_empty_file_is_reported_by_name()
    {
        var empty = _folder.Write("empty.txt", "");

        var run = Sync(empty);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("empty.txt", run.Error);
    }

    [Fact]
    public void A_window_with_too_much_missing_data_is_left_empty_with_a_warning_and_exit_code_3()
    {
        var lines = Series(200, seed: 4).Split('\n');
        for (var i = 60; i < 100; i++)
            lines[i] = "NA NA";
        var gappy = _folder.Write("gappy.txt", string.Join('\n', lines));

        var run = Sync(gappy);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("w2 (5–10 s)", run.Error);
        var row = File.ReadAllLines(Out("gappy.ccf.csv"))[2];
        Assert.Equal("2" + string.Concat(Enumerable.Repeat(",", 21)), row);
    }

    [Fact]
    public void A_window_that_is_not_a_whole_number_of_samples_is_a_usage_error()
    {
        var good = _folder.Write("good.txt", Series(200, seed: 1));

        var run = MirrorSenseProcess.Run("sync", good, "--fps", "25", "--lag", "5", "--win", "60.02", "--inc", "30", "--out", Out());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("whole number of samples", run.Error);
    }

    [Fact]
    public void Dyad_shuffling_writes_one_row_per_pseudo_dyad_and_the_comparison()
    {
        var files = Enumerable.Range(1, 4).Select(i => _folder.Write($"d{i}.txt", Series(200, seed: 10 + i))).ToArray();

        var run = Sync([.. files, "--pseudo", "dyads", "--seed", "3"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1 + 24, File.ReadAllLines(Out("pseudo.csv")).Length); // C(8,2) - 4 = 24 pseudo-dyads
        using var summary = JsonDocument.Parse(File.ReadAllText(Out("summary.json")));
        var pseudo = summary.RootElement.GetProperty("pseudo");
        Assert.Equal(24, pseudo.GetProperty("n").GetInt32());
        Assert.Equal(3, pseudo.GetProperty("seed").GetInt32());
        Assert.InRange(pseudo.GetProperty("comparison").GetProperty("grand_mean").GetProperty("p_value").GetDouble(), 0, 1);
    }

    [Fact]
    public void Help_explains_each_option_and_names_the_rMEA_equivalent()
    {
        var run = MirrorSenseProcess.Run("sync", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var text in new[] { "MEAccf lagSec", "MEAccf winSec", "MEAccf incSec", "r2Z", "ABS", "MEAsmooth", "MEAscale", "MEAshuffle", "--seed" })
            Assert.Contains(text, run.Output);
    }

    [Fact]
    public void Segment_surrogates_are_the_same_in_every_run_with_the_same_seed()
    {
        var file = _folder.Write("d.txt", Series(300, seed: 4));
        string[] pseudo = ["--pseudo", "segments", "--seg", "2", "--n", "20", "--seed", "5"];

        var first = MirrorSenseProcess.Run(["sync", file, .. Config, .. pseudo, "--out", _folder.Combine("one")]);
        var second = MirrorSenseProcess.Run(["sync", file, .. Config, .. pseudo, "--out", _folder.Combine("two")]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(File.ReadAllText(_folder.Combine("one", "pseudo.csv")), File.ReadAllText(_folder.Combine("two", "pseudo.csv")));
    }

    private ProcessOutcome Sync(params string[] arguments) =>
        MirrorSenseProcess.Run(["sync", .. arguments, .. Config, "--out", Out()]);

    private string Out(string file = "") => _folder.Combine("out", file);

    /// <summary>An rMEA-style text file: header, then two columns of motion-energy-like counts.</summary>
    private static string Series(int length, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("\"pat\" \"th\"\n");
        for (var i = 0; i < length; i++)
            text.Append(CultureInfo.InvariantCulture, $"{random.Next(0, 500)} {random.Next(0, 500)}\n");
        return text.ToString().TrimEnd('\n');
    }
}
