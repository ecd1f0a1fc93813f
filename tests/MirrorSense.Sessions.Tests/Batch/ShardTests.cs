using MirrorSense.Sessions.Batch;

namespace MirrorSense.Sessions.Tests.Batch;

public sealed class ShardTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Should_cover_every_row_exactly_once_across_the_shards_of_one_count(int count)
    {
        // Given 20 rows and every shard i/count
        var shards = Enumerable.Range(1, count).Select(i => new Shard(i, count)).ToList();

        // Then each row belongs to exactly one shard
        foreach (var row in Enumerable.Range(0, 20))
            Assert.Single(shards, s => s.Includes(row));
    }

    [Fact]
    public void Should_take_the_rows_whose_position_modulo_the_count_is_its_index_minus_one()
    {
        var second = new Shard(2, 3);

        Assert.Equal([1, 4, 7], Enumerable.Range(0, 9).Where(second.Includes));
    }

    [Theory]
    [InlineData("2/8", 2, 8, "-2-of-8")]
    [InlineData("1/1", 1, 1, "")]
    public void Should_parse_i_of_N_and_name_its_files_apart(string text, int index, int count, string suffix)
    {
        var shard = Shard.TryParse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(new Shard(index, count), shard);
        Assert.Equal(suffix, shard!.Value.FileSuffix);
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("-1/4")]
    public void Should_refuse_what_is_not_i_of_N_with_i_from_1_to_N(string text)
    {
        Assert.Null(Shard.TryParse(text, out var problem));
        Assert.Contains("1-based", problem);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Shard(0, 4));
    }
}
