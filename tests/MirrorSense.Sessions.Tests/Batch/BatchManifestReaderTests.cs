using MirrorSense.Sessions.Batch;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.Batch;

public sealed class BatchManifestReaderTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-manifest-");

    public void Dispose() => _folder.Dispose();

    private ManifestFormatException Refused(string text)
    {
        var path = _folder.Write("sessions.csv", text);
        return Assert.Throws<ManifestFormatException>(() => BatchManifestReader.Read(path));
    }

    [Fact]
    public void Should_read_each_row_as_a_session_with_paths_resolved_against_the_manifests_folder()
    {
        // Given a manifest with relative and absolute paths, flags and times
        var path = _folder.Write("sessions.csv", "id,audio,video_a,video_b,no_audio,start,end,av_offset\n" +
                                                 "s1,voices/s1.wav,,,,,,\n" +
                                                 "\n" +
                                                 "s2,,/data/a.mp4,/data/b.mp4,yes,1.5,60,-0.25\n");

        // When it is read
        var manifest = BatchManifestReader.Read(path);

        // Then every row is a session in file order, with its line and inputs
        Assert.Equal(["s1", "s2"], manifest.Sessions.Select(s => s.Id));
        Assert.Equal([0, 1], manifest.Sessions.Select(s => s.Row));
        Assert.Equal([2, 4], manifest.Sessions.Select(s => s.Line));
        Assert.Equal(new SessionInputs(Audio: _folder.Combine("voices", "s1.wav")), manifest.Sessions[0].Inputs);
        Assert.Equal(new SessionInputs(VideoA: "/data/a.mp4", VideoB: "/data/b.mp4", NoAudio: true, Start: 1.5, End: 60, AvOffset: -0.25), manifest.Sessions[1].Inputs);
    }

    [Fact]
    public void Should_read_a_swap_column_per_session_and_name_a_cell_that_is_not_a_yes_or_no()
    {
        var good = _folder.Write("good.csv", "id,video,swap\ns1,a.mp4,yes\ns2,b.mp4,\ns3,c.mp4,0\n");
        var bad = _folder.Write("bad.csv", "id,video,swap\ns1,a.mp4,right\n");

        Assert.Equal([true, false, false], BatchManifestReader.Read(good).Sessions.Select(s => s.Inputs.Swap));
        var error = Assert.Throws<ManifestFormatException>(() => BatchManifestReader.Read(bad));
        Assert.Contains($"{bad}:2:3", error.Message);
        Assert.Contains("swap is 'right'", error.Message);
    }

    [Fact]
    public void Should_read_quoted_cells_and_a_semicolon_separated_export()
    {
        var path = _folder.Write("sessions.csv", "id;audio\n\"s1\";\"a;b.wav\"\n");

        var session = Assert.Single(BatchManifestReader.Read(path).Sessions);

        Assert.Equal("s1", session.Id);
        Assert.Equal(_folder.Combine("a;b.wav"), session.Inputs.Audio);
    }

    [Fact]
    public void Should_name_the_header_cell_of_an_unknown_column_and_list_the_known_ones()
    {
        var error = Refused("id,audio,vidoe\ns1,a.wav,v.mp4\n");

        Assert.StartsWith(_folder.Combine("sessions.csv") + ":1:3: ", error.Message);
        Assert.Contains("vidoe", error.Message);
        Assert.Contains("video_a", error.Message);
    }

    [Fact]
    public void Should_refuse_a_header_without_an_id_column_naming_the_header_line()
    {
        var error = Refused("audio,video\na.wav,v.mp4\n");

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.StartsWith(_folder.Combine("sessions.csv") + ":1:1: ", error.Message);
        Assert.Contains("'id'", error.Message);
    }

    [Fact]
    public void Should_name_the_line_and_column_of_a_duplicate_id_and_where_it_was_first()
    {
        var error = Refused("audio,id\na.wav,s1\nb.wav,s2\nc.wav,S1\n");

        Assert.StartsWith(_folder.Combine("sessions.csv") + ":4:2: ", error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("-starts-with-dash")]
    public void Should_refuse_an_id_that_cannot_safely_name_a_folder(string id)
    {
        var error = Refused($"id,audio\n{id},a.wav\n");

        Assert.Equal((2, 1), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("start", "soon", "a number")]
    [InlineData("no_audio", "maybe", "true or false")]
    public void Should_name_the_cell_of_a_value_that_is_not_what_its_column_holds(string column, string value, string expected)
    {
        var error = Refused($"id,audio,{column}\ns1,a.wav,{value}\n");

        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Contains(value, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Should_name_a_row_with_more_cells_than_the_header()
    {
        var error = Refused("id,audio\ns1,a.wav,extra\n");

        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Contains("expected 2 cells", error.Message);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("id,audio\n\n", "no sessions")]
    public void Should_refuse_a_manifest_without_sessions(string text, string expected)
    {
        Assert.Contains(expected, Refused(text).Message);
    }

    [Fact]
    public void Should_name_a_missing_manifest()
    {
        var path = _folder.Combine("absent.csv");

        var error = Assert.Throws<ManifestFormatException>(() => BatchManifestReader.Read(path));

        Assert.Equal($"{path}: no such file.", error.Message);
    }
}
