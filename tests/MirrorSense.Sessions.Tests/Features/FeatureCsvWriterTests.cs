using System.Collections.Immutable;
using System.Reactive.Linq;
using System.Text;
using MirrorSense.Core;
using MirrorSense.Sessions.Features;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Sessions.Tests.Features;

public sealed class FeatureCsvWriterTests
{
    private static readonly FeatureSchema LeanAndArms = new(["lean_sideways", "motion_arms"]);

    private static FeatureSample Sample(long k, FeatureSchema schema, double[] a, double[] b) =>
        new(FeatureGridOptions.Default.TimeOf(k), k, schema, ImmutableArray.Create(a), ImmutableArray.Create(b));

    [Fact]
    public void Each_grid_time_gives_one_row_per_participant_and_feature_with_missing_values_as_empty_cells()
    {
        // Given two grid samples of two features, B absent at the second
        var text = new StringWriter();
        using (var writer = new FeatureCsvWriter(text, LeanAndArms))
        {
            writer.Write(Sample(0, LeanAndArms, [1.5, 0.25], [-3, 0.1]));
            writer.Write(Sample(1, LeanAndArms, [1.0 / 3, double.NaN], [double.NaN, double.NaN]));
        }

        // Then the table is long and tidy, A before B, round-trip numbers, empty for missing
        Assert.Equal(
            "time_s,participant,feature,value\n" +
            "0.000000,A,lean_sideways,1.5\n" +
            "0.000000,A,motion_arms,0.25\n" +
            "0.000000,B,lean_sideways,-3\n" +
            "0.000000,B,motion_arms,0.1\n" +
            "0.033333,A,lean_sideways,0.3333333333333333\n" +
            "0.033333,A,motion_arms,\n" +
            "0.033333,B,lean_sideways,\n" +
            "0.033333,B,motion_arms,\n",
            text.ToString());
    }

    [Fact]
    public void Rows_reach_the_file_while_the_stream_is_still_running()
    {
        // Given a file writer fed from a live grid stream of 3 s
        var path = Path.Combine(Path.GetTempPath(), $"features-{Guid.NewGuid():N}.csv");
        try
        {
            var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
            using var writer = new FeatureCsvWriter(new StreamWriter(stream, new UTF8Encoding(false)), BodyFeatures.Schema);
            var n = BodyFeatures.Names.Length;
            for (var k = 0; k < 90; k++)
                writer.Write(Sample(k, BodyFeatures.Schema, [.. Enumerable.Repeat(1.0 * k, n)], [.. Enumerable.Repeat(-1.0 * k, n)]));

            // When it has not finished, at least the first two seconds are readable already
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length >= 1 + 60 * 2 * n, $"{lines.Length} lines on disk");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_writer_takes_the_grid_straight_from_the_streaming_operator()
    {
        var text = new StringWriter();
        var x = new FeatureSchema(["x"]);
        var frames = Enumerable.Range(0, 31).Select(k => new FeatureFrame(MediaTime.FromSeconds(k / 30.0), x, [k], [double.NaN]));
        using (var writer = new FeatureCsvWriter(text, x))
            frames.ToObservable().ResampleToGrid().Do(writer.Write).Wait();

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 31 * 2, lines.Length);
        Assert.Equal("1.000000,A,x,30", lines[^2]);
        Assert.Equal("1.000000,B,x,", lines[^1]);
    }

    [Fact]
    public void A_sample_of_other_features_or_the_wrong_width_or_out_of_order_is_refused()
    {
        var ab = new FeatureSchema(["a", "b"]);
        using var writer = new FeatureCsvWriter(new StringWriter(), ab);
        writer.Write(Sample(1, ab, [1, 2], [3, 4]));

        var other = Assert.Throws<ArgumentException>(() => writer.Write(Sample(2, new FeatureSchema(["b", "a"]), [1, 2], [3, 4])));
        Assert.Contains("has the features b,a, but the table has a,b", other.Message);
        Assert.Throws<ArgumentException>(() => writer.Write(Sample(2, ab, [1], [3])));
        Assert.Throws<InvalidOperationException>(() => writer.Write(Sample(0, ab, [1, 2], [3, 4])));
        Assert.Throws<ArgumentException>(() => new FeatureCsvWriter(new StringWriter(), FeatureSchema.Empty));
    }
}
