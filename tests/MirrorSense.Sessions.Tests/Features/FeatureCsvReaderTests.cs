using MirrorSense.Sessions.Features;
using MirrorSense.Sessions.Readers;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.Features;

public sealed class FeatureCsvReaderTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-features-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_stretch_where_nobody_is_visible_stays_missing_after_binning()
    {
        // Given B hidden from 5 to 8 s on a 30 Hz grid
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);

        // When read in 0.5 s bins
        var series = FeatureCsvReader.ReadBinned(Path.Combine(folder, "features.csv"), ["lean_sideways"], 0, 0.5)[("lean_sideways", "B")];

        // Then the bins inside the hidden stretch are NaN, the others hold the bin's mean
        var means = series.Means();
        var times = series.Times();
        Assert.Equal(40, means.Length);
        for (var i = 0; i < means.Length; i++)
        {
            var hidden = times[i] is > SyntheticAnalysisFolder.HiddenFrom and < SyntheticAnalysisFolder.HiddenTo;
            Assert.Equal(hidden, double.IsNaN(means[i]));
        }

        Assert.Equal(Enumerable.Range(0, 15).Average(i => 5 + (3 * Math.Sin(i / 30.0))), means[0], 1e-9);
    }

    [Fact]
    public void The_whole_table_reads_back_as_the_grid_series_it_was_written_from()
    {
        // Given a grid starting at 2 s with a missing value
        var path = _folder.Combine("features.csv");
        var schema = new MirrorSense.Core.FeatureSchema(["lean_sideways", "pixel_motion"]);
        using (var writer = new MirrorSense.Sessions.Features.FeatureCsvWriter(new StreamWriter(path), schema))
        {
            for (var i = 0; i < 90; i++)
                writer.Write(new MirrorSense.Core.FeatureSample(MirrorSense.Core.MediaTime.FromSeconds(2 + i / 30.0), i, schema, [i, i == 40 ? double.NaN : 2 * i], [-i, 3]));
        }

        // When read back whole
        var series = FeatureCsvReader.ReadSeries(path);

        // Then every value is where it was, the missing one missing, on the file's own grid
        Assert.Equal<string>(["lean_sideways", "pixel_motion"], series.Names);
        Assert.Equal(90, series.Length);
        Assert.Equal(2.0, series.Grid.Origin.Seconds, 6);
        Assert.Equal<double>(Enumerable.Range(0, 90).Select(i => (double)i), series.Of(MirrorSense.Core.Participant.A, "lean_sideways"));
        Assert.Equal<double>(Enumerable.Range(0, 90).Select(i => (double)-i), series.Of(MirrorSense.Core.Participant.B, "lean_sideways"));
        Assert.True(double.IsNaN(series.Of(MirrorSense.Core.Participant.A, "pixel_motion")[40]));
        Assert.Equal(78.0, series.Of(MirrorSense.Core.Participant.A, "pixel_motion")[39]);
    }

    [Fact]
    public void Only_the_wanted_features_are_kept_and_an_absent_one_has_no_entry()
    {
        // Given a features table
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);

        // When two features are asked for, one of which is not in the table
        var series = FeatureCsvReader.ReadBinned(Path.Combine(folder, "features.csv"), ["head_roll", "arms_crossed"], 0, 1);

        // Then only the present one comes back, for both participants
        Assert.Equal([("head_roll", "A"), ("head_roll", "B")], series.Keys.Order());
    }

    [Fact]
    public void Many_samples_reduce_to_one_bin_per_width_of_time()
    {
        // Given 10 s of samples at 1 kHz rising 0, 1, 2, …
        var series = new BinnedSeries(originSeconds: 0, binSeconds: 1);
        for (var i = 0; i < 10_000; i++)
            series.Add(i / 1000.0, i);

        // Then there are 10 bins, each the mean of its thousand samples, centred in the bin
        Assert.Equal(10, series.Count);
        Assert.Equal([.. Enumerable.Range(0, 10).Select(b => (b * 1000) + 499.5)], series.Means());
        Assert.Equal([.. Enumerable.Range(0, 10).Select(b => b + 0.5)], series.Times());
    }

    [Fact]
    public void A_bin_width_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinnedSeries(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinnedSeries(double.NaN, 1));
    }
}
