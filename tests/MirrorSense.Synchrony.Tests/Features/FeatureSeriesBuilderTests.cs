using MirrorSense.Core;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Synchrony.Tests.Features;

public sealed class FeatureSeriesBuilderTests
{
    private static readonly FeatureSchema Schema = new(["lean", "motion", "smile"]);

    private static FeatureSample Sample(long index) =>
        new(MediaTime.FromSeconds(index / 30.0), index, Schema, [index, 10_000 + index, double.NaN], [-index, -10_000 - index, 0.5]);

    [Fact]
    public void Keeps_only_the_features_asked_for_in_the_schemas_order_over_thousands_of_samples()
    {
        var builder = new FeatureSeriesBuilder(Schema, ["smile", "lean", "not_measured"]);
        for (var k = 0; k < 5_000; k++)
            builder.Add(Sample(k));

        var series = builder.ToSeries();

        Assert.Equal(["lean", "smile"], series.Names.ToArray());
        Assert.Equal(5_000, series.Length);
        Assert.Equal(Enumerable.Range(0, 5_000).Select(k => (double)k), series.Of(Participant.A, "lean").ToArray());
        Assert.Equal(Enumerable.Range(0, 5_000).Select(k => (double)-k), series.Of(Participant.B, "lean").ToArray());
        Assert.All(series.Of(Participant.A, "smile"), v => Assert.True(double.IsNaN(v)));
        Assert.All(series.Of(Participant.B, "smile"), v => Assert.Equal(0.5, v));
        Assert.Throws<ArgumentException>(() => series.Of(Participant.A, "motion"));
    }

    [Fact]
    public void Gives_the_same_series_as_collecting_every_feature_when_nothing_is_left_out()
    {
        var samples = Enumerable.Range(0, 1_500).Select(k => Sample(k)).ToList();
        var builder = new FeatureSeriesBuilder(Schema);
        samples.ForEach(builder.Add);

        var built = builder.ToSeries();
        var collected = FeatureSeries.Collect(samples, Schema);

        Assert.Equal(collected.Names.ToArray(), built.Names.ToArray());
        foreach (var name in Schema.Names)
            Assert.Equal(collected.Of(Participant.B, name).ToArray(), built.Of(Participant.B, name).ToArray());
    }

    [Fact]
    public void Refuses_a_sample_out_of_order_or_of_another_schema()
    {
        var builder = new FeatureSeriesBuilder(Schema, ["lean"]);
        builder.Add(Sample(0));

        Assert.Throws<ArgumentException>(() => builder.Add(Sample(2)));
        Assert.Throws<ArgumentException>(() => builder.Add(new FeatureSample(MediaTime.FromSeconds(1 / 30.0), 1, new FeatureSchema(["lean"]), [1], [1])));
        Assert.Equal(1, builder.Length);
    }
}
