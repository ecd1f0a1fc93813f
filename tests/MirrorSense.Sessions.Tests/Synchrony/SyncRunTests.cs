using System.Globalization;
using System.Text;
using MirrorSense.Sessions.Readers;
using MirrorSense.Sessions.Synchrony;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.Synchrony;

public sealed class SyncRunTests : IDisposable
{
    private static readonly SyncOptions Options = new(new CrossCorrelationSettings(10, 1, 5, 5), ColumnSelection.Default);
    private readonly TempFolder _folder = new("mirrorsense-syncrun-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Cancelling_keeps_the_finished_dyads_written_and_summarised()
    {
        // Given three files and a user who presses Ctrl+C while the second is being read
        var files = Enumerable.Range(1, 3).Select(i => _folder.Write($"d{i}.txt", Series(120, i))).ToArray();
        using var cancellation = new CancellationTokenSource();
        var progress = new Callback(p =>
        {
            if (p.Current == "d2")
                cancellation.Cancel();
        });

        // When the run goes on
        var report = new SyncRun(Options, _folder.Combine("out")).Run(files, progress, cancellation.Token);

        // Then the first dyad's outputs and the summary exist, and the others are listed as not analysed
        Assert.True(report.Cancelled);
        Assert.True(File.Exists(_folder.Combine("out", "d1.ccf.csv")));
        Assert.Equal(2, File.ReadAllLines(_folder.Combine("out", "summary.csv")).Length);
        Assert.Equal([true, false, false], report.Dyads.Select(d => d.Succeeded));
        Assert.All(report.Dyads.Skip(1), d => Assert.Contains("cancelled", d.Error));
    }

    [Fact]
    public void Two_inputs_with_the_same_name_are_refused_rather_than_overwriting_each_other()
    {
        Directory.CreateDirectory(_folder.Combine("x"));
        Directory.CreateDirectory(_folder.Combine("y"));
        var first = _folder.Write(Path.Combine("x", "same.txt"), Series(120, 1));
        var second = _folder.Write(Path.Combine("y", "same.txt"), Series(120, 2));

        var report = new SyncRun(Options, _folder.Combine("out")).Run([first, second]);

        Assert.True(report.Dyads[0].Succeeded);
        Assert.Contains("same name", report.Dyads[1].Error);
    }

    [Fact]
    public void Segment_surrogates_are_reproducible_from_the_seed()
    {
        var file = _folder.Write("d.txt", Series(300, 5));
        var options = Options with { Surrogates = SurrogateMethod.Segments, SegmentSeconds = 2, SurrogateCount = 20, Seed = 9 };

        var first = new SyncRun(options, _folder.Combine("one")).Run([file]);
        var second = new SyncRun(options, _folder.Combine("two")).Run([file]);

        Assert.Equal(File.ReadAllText(_folder.Combine("one", "pseudo.csv")), File.ReadAllText(_folder.Combine("two", "pseudo.csv")));
        Assert.Equal(20, first.Pseudo!.Results.Count);
        Assert.Equal(first.Pseudo.Comparisons["grand_mean"].PValue, second.Pseudo!.Comparisons["grand_mean"].PValue);
    }

    private sealed class Callback(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }

    private static string Series(int length, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("a b\n");
        for (var i = 0; i < length; i++)
            text.Append(CultureInfo.InvariantCulture, $"{random.Next(100)} {random.Next(100)}\n");
        return text.ToString();
    }
}
