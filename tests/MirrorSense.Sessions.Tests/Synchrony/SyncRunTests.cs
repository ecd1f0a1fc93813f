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
    public void Cancelling_keeps_the_finished_dyads_written_and_summarised_and_lists_the_rest_as_not_analysed()
    {
        // Given more files than can be in flight at once, and a user who presses Ctrl+C as soon as the first starts
        var files = Enumerable.Range(1, Environment.ProcessorCount + 3).Select(i => _folder.Write($"d{i}.txt", Series(120, i))).ToArray();
        using var cancellation = new CancellationTokenSource();
        var progress = new Callback(_ => cancellation.Cancel());

        // When the run goes on
        var report = new SyncRun(Options, _folder.Combine("out")).Run(files, progress, cancellation.Token);

        // Then dyads already in flight finish with their outputs and summary rows, and no new one starts
        Assert.True(report.Cancelled);
        var finished = report.Dyads.Where(d => d.Succeeded).ToArray();
        Assert.NotEmpty(finished);
        Assert.True(finished.Length <= Environment.ProcessorCount);
        Assert.All(finished, d => Assert.True(File.Exists(_folder.Combine("out", d.Dyad + ".ccf.csv"))));
        Assert.Equal(finished.Length + 1, File.ReadAllLines(_folder.Combine("out", "summary.csv")).Length);
        Assert.All(report.Dyads.Where(d => !d.Succeeded), d => Assert.Contains("cancelled", d.Error));
        Assert.Equal(files, report.Dyads.Select(d => d.File));
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
