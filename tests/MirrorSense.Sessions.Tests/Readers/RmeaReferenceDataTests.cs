using MirrorSense.Sessions.Readers;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.Readers;

/// <summary>The real rMEA recordings shipped with the R package (see shared/data/README.md).</summary>
public sealed class RmeaReferenceDataTests
{
    [SkippableFact]
    public void Reading_dyad_200_01_gives_15000_samples_starting_with_1550_and_6948()
    {
        var path = ReferenceData.Require("rmea", "normal", "200_01.txt");

        var series = DyadSeriesReader.Read(path, 25);

        Assert.Equal("200_01", series.Name);
        Assert.Equal(15_000, series.Length);
        Assert.Equal((1550.0, 6948.0), (series.A[0], series.B[0]));
        Assert.Equal(TimeSpan.FromMinutes(10), series.Duration);
    }

    [SkippableFact]
    public void Reading_dyad_200_01_by_header_name_matches_reading_it_by_position()
    {
        var path = ReferenceData.Require("rmea", "normal", "200_01.txt");

        var byName = DyadSeriesReader.Read(path, 25, ColumnSelection.Parse("th,pat"));
        var byPosition = DyadSeriesReader.Read(path, 25, ColumnSelection.Parse("2,1"));

        // ImmutableArray equality is by reference, so compare the contents.
        Assert.Equal(byPosition.A.ToArray(), byName.A.ToArray());
        Assert.Equal(byPosition.B.ToArray(), byName.B.ToArray());
        Assert.Equal(6948.0, byName.A[0]);
    }

    [SkippableFact]
    public void Every_reference_recording_reads_as_15000_complete_samples()
    {
        var folder = ReferenceData.Require("rmea");

        var files = Directory.GetFiles(folder, "*.txt", SearchOption.AllDirectories);

        Assert.Equal(20, files.Length);
        Assert.All(files, path =>
        {
            var series = DyadSeriesReader.Read(path, 25);
            Assert.Equal(15_000, series.Length);
            Assert.DoesNotContain(series.A, double.IsNaN);
            Assert.DoesNotContain(series.B, double.IsNaN);
        });
    }
}
