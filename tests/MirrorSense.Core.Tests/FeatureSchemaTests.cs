namespace MirrorSense.Core.Tests;

public sealed class FeatureSchemaTests
{
    private static readonly FeatureSchema Body = new(["lean_sideways", "head_x"]);
    private static readonly FeatureSchema Pixels = new(["pixel_motion"]);

    [Fact]
    public void A_feature_is_found_by_its_name_and_a_missing_one_is_named_with_the_ones_there_are()
    {
        Assert.Equal(1, Body.IndexOf("head_x"));
        Assert.True(Body.Contains("lean_sideways"));
        Assert.False(Body.Contains("smile"));

        var error = Assert.Throws<ArgumentException>(() => Body.IndexOf("smile"));
        Assert.Contains("no 'smile'; they have lean_sideways, head_x", error.Message);
    }

    [Fact]
    public void A_schema_refuses_a_name_given_twice_or_an_empty_one()
    {
        Assert.Contains("named twice", Assert.Throws<ArgumentException>(() => new FeatureSchema(["a", "b", "a"])).Message);
        Assert.Contains("no name", Assert.Throws<ArgumentException>(() => new FeatureSchema(["a", " "])).Message);
    }

    [Fact]
    public void Schemas_with_the_same_names_in_the_same_order_are_equal()
    {
        Assert.Equal(Body, new FeatureSchema(["lean_sideways", "head_x"]));
        Assert.Equal(Body.GetHashCode(), new FeatureSchema(["lean_sideways", "head_x"]).GetHashCode());
        Assert.NotEqual(Body, new FeatureSchema(["head_x", "lean_sideways"]));
    }

    [Fact]
    public void Features_added_to_a_sample_come_after_its_own_under_their_names()
    {
        var sample = new FeatureSample(MediaTime.FromSeconds(2), 60, Body, [1.0, 2.0], [3.0, double.NaN]);

        var more = sample.Then(Pixels, [40.0], [50.0]);
        var again = sample.Then(new FeatureSchema(["pixel_motion"]), [41.0], [51.0]);

        Assert.Equal(["lean_sideways", "head_x", "pixel_motion"], more.Schema.Names.ToArray());
        Assert.Equal([1.0, 2.0, 40.0], more.A.ToArray());
        Assert.Equal(50.0, more.Value(Participant.B, "pixel_motion"));
        Assert.Equal((sample.Time, sample.Index), (more.Time, more.Index));
        Assert.Equal(more.Schema, again.Schema);
        Assert.Throws<ArgumentException>(() => sample.Then(Pixels, [1.0, 2.0], [3.0]));
    }
}
