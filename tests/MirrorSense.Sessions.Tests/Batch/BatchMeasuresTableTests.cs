using MirrorSense.Sessions.Batch;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.Batch;

public sealed class BatchMeasuresTableTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-measures-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_write_one_row_per_session_and_measure_with_the_similarities_only_for_posture()
    {
        // Given two sessions' summaries and one session without results
        var one = _folder.Write("one.json", """
            {"complete": true, "measures": {
              "posture_mirroring": {"value": 0.5, "p_value": 0.01, "p_adjusted": 0.02, "significant": true, "best_lag_s": 1.0, "leader": "A", "lag_at_edge": false, "mirrored_similarity": 0.8, "anatomical_similarity": 0.2},
              "tone": {"value": null, "p_value": null, "significant": null, "best_lag_s": null, "leader": null}}}
            """);
        var two = _folder.Write("two.json", """{"complete": false, "measures": {"tempo": {"value": -0.25, "p_value": 0.5, "significant": false, "best_lag_s": -2, "leader": "B"}}}""");
        var writer = new StringWriter();

        // When the table is written
        var found = BatchMeasuresTable.Write([("s1", one), ("s2", two), ("s3", _folder.Combine("absent.json"))], writer);

        // Then each measure is a row, missing numbers are empty cells
        Assert.Equal(2, found);
        Assert.Equal(
            BatchMeasuresTable.Header + "\n" +
            "s1,posture_mirroring,0.5,0.01,0.02,true,1.0,A,false,0.8,0.2,true\n" +
            "s1,tone,,,,,,,,,,true\n" +
            "s2,tempo,-0.25,0.5,,false,-2,B,,,,false\n",
            writer.ToString());
    }

    [Theory]
    [InlineData("""{"complete": true}""", true)]
    [InlineData("""{"complete": false}""", false)]
    [InlineData("""{"complete": tr""", false)]
    public void Should_call_a_session_complete_only_when_its_summary_reads_and_says_so(string json, bool complete)
    {
        Assert.Equal(complete, BatchMeasuresTable.IsComplete(_folder.Write("summary.json", json)));
    }

    [Fact]
    public void Should_name_the_file_of_a_broken_summary()
    {
        var broken = _folder.Write("summary.json", "{\n\"complete\": ");

        var error = Assert.Throws<InvalidDataException>(() => BatchMeasuresTable.Write([("s1", broken)], new StringWriter()));

        Assert.StartsWith(broken + ":", error.Message);
    }
}
