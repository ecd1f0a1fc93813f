using Microsoft.Extensions.Time.Testing;
using MirrorSense.Core;
using MirrorSense.Sessions.Pose;
using MirrorSense.Sessions.Prosody;
using MirrorSense.Sessions.Recording;
using MirrorSense.Testing;
using static MirrorSense.Sessions.Tests.Recording.RecordingSamples;

namespace MirrorSense.Sessions.Tests.Recording;

public sealed class SessionFolderTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-session-folder-");
    private readonly FakeTimeProvider _clock = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_read_every_whole_row_of_tables_cut_mid_row_and_warn_about_each_torn_one()
    {
        // Given a finished recording of 10 pose frames and 20 voice frames, each table then cut in the middle of its last row
        var session = _folder.Combine("torn");
        using (var recorder = SessionRecorder.Open(session, Manifest(_clock.GetUtcNow()), _clock))
        {
            for (var k = 0; k < 10; k++)
                recorder.Write(PoseAt(k));
            for (var k = 0; k < 20; k++)
                recorder.Write(Participant.A, RecordingSamples.Voice(k));
        }

        CutMidLastRow(Path.Combine(session, "pose.csv"));
        CutMidLastRow(Path.Combine(session, "prosody.csv"));

        // When the folder is opened
        var folder = SessionFolder.Open(session);

        // Then it is cut short (no clean stop), each torn row is named in a warning, and every whole row reads back
        Assert.True(folder.CutShort);
        Assert.Contains(folder.Warnings, w => w.Contains("pose.csv': the last row was cut off", StringComparison.Ordinal));
        Assert.Contains(folder.Warnings, w => w.Contains("prosody.csv': the last row was cut off", StringComparison.Ordinal));
        var pose = folder.Table("pose.csv")!;
        var frames = PoseCsvReader.Read(pose.Path, pose.CompleteLength).ToList();
        Assert.Equal(10, frames.Count);
        // The last frame lost B's last landmark row: it stays in the schema at zero visibility, never trusted.
        Assert.Equal(0, frames[^1].People.Single(p => p.Participant == Participant.B).Landmarks[^1].Visibility);
        Assert.Equal(1, frames[^2].People.Single(p => p.Participant == Participant.B).Landmarks[^1].Visibility);
        var prosody = folder.Table("prosody.csv")!;
        Assert.Equal(Enumerable.Range(0, 19).Select(RecordingSamples.Voice), ProsodyCsvReader.ReadFrames(prosody.Path, Participant.A, prosody.CompleteLength));
    }

    [Fact]
    public void Should_skip_a_table_whose_header_itself_was_torn()
    {
        // Given a recording whose features.csv holds only part of its header
        var session = _folder.Combine("header");
        using (SessionRecorder.Open(session, Manifest(_clock.GetUtcNow()), _clock))
        {
        }

        File.WriteAllText(Path.Combine(session, "features.csv"), "time_s,parti");

        // When it is opened, then the table is skipped with a warning, the others stay
        var folder = SessionFolder.Open(session);
        Assert.Null(folder.Table("features.csv"));
        Assert.NotNull(folder.Table("pose.csv"));
        Assert.Contains(folder.Warnings, w => w.Contains("features.csv' has not even a complete header line", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_name_the_missing_manifest_when_a_folder_is_no_recording()
    {
        // Given a folder with tables but no manifest
        var folder = _folder.Combine("plain");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "pose.csv"), PoseCsvWriter.Header + "\n");

        // When it is opened, then the error names manifest.json and says what writes one
        var error = Assert.Throws<SessionFolderException>(() => SessionFolder.Open(folder));
        Assert.Contains(Path.Combine(folder, "manifest.json"), error.Message);
        Assert.Contains("no such file", error.Message);
        Assert.Contains("--record", error.Message);
    }

    [Fact]
    public void Should_name_the_manifest_and_the_problem_when_it_cannot_be_read()
    {
        // Given manifests that are no JSON, miss a field, or come from a newer MirrorSense
        var cases = new Dictionary<string, string>
        {
            ["{ \"format_version\": 1, \"tool_"] = "not valid JSON",
            ["{ \"format_version\": 1 }"] = "'tool_version' is missing",
            ["{ \"format_version\": 9, \"tool_version\": \"9.0\" }"] = "format_version 9 is newer",
        };
        foreach (var (text, problem) in cases)
        {
            var folder = _folder.Combine("bad-" + problem.Length);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "manifest.json"), text);

            // When each is opened, then the error names the file and the problem
            var error = Assert.Throws<SessionFolderException>(() => SessionFolder.Open(folder));
            Assert.Contains(Path.Combine(folder, "manifest.json"), error.Message);
            Assert.Contains(problem, error.Message);
        }
    }

    /// <summary>Cuts the file in the middle of its last row, as a kill during a write leaves it.</summary>
    private static void CutMidLastRow(string path)
    {
        var text = File.ReadAllText(path);
        var lastRowStart = text.LastIndexOf('\n', text.Length - 2) + 1;
        File.WriteAllText(path, text[..(lastRowStart + (text.Length - lastRowStart) / 2)]);
    }
}
