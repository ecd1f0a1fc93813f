using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MirrorSense.Core;
using MirrorSense.Sessions.Pose;
using MirrorSense.Sessions.Prosody;
using MirrorSense.Sessions.Recording;
using MirrorSense.Testing;
using static MirrorSense.Sessions.Tests.Recording.RecordingSamples;

namespace MirrorSense.Sessions.Tests.Recording;

public sealed class SessionRecorderTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-recorder-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private string Session => _folder.Combine("session");

    private string File(string name) => Path.Combine(Session, name);

    public sealed class Flushing : IDisposable
    {
        private readonly SessionRecorderTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void Should_put_rows_on_disk_within_one_second_while_the_recorder_stays_open()
        {
            // Given an open recording with a row of every kind just written
            using var recorder = SessionRecorder.Open(_t.Session, Manifest(_t._clock.GetUtcNow()), _t._clock);
            recorder.Write(PoseAt(0));
            recorder.Write(Participant.A, RecordingSamples.Voice(1));
            recorder.Write(Feature(0));
            recorder.Write(Update(0));
            Assert.Equal(ProsodyCsvWriter.DyadFrameHeader + "\n", OnDisk(_t.File("prosody.csv")));

            // When one second passes with no further rows
            _t._clock.Advance(TimeSpan.FromSeconds(1));

            // Then another reader sees every row, before any dispose
            Assert.Equal(1 + 2 * Skeleton.LandmarkCount, Lines(_t.File("pose.csv")));
            Assert.Equal("time_s,participant,f0_hz,intensity_db,voiced\n0.01,A,101,61,1\n", OnDisk(_t.File("prosody.csv")));
            Assert.Equal(1 + 2 * FeatureNames.Length, Lines(_t.File("features.csv")));
            Assert.Equal(1 + 2, Lines(_t.File("coordination.csv")));
        }

        [Fact]
        public void Should_hand_rows_written_just_after_a_flush_to_the_OS_by_the_next_second()
        {
            // Given a recording whose rows were last flushed at 1.0 s
            using var recorder = SessionRecorder.Open(_t.Session, Manifest(_t._clock.GetUtcNow()), _t._clock);
            recorder.Write(Update(0));
            _t._clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(1 + 2, Lines(_t.File("coordination.csv")));

            // When rows come at 1.1 s and 1.9 s
            _t._clock.Advance(TimeSpan.FromSeconds(0.1));
            recorder.Write(Update(1));
            _t._clock.Advance(TimeSpan.FromSeconds(0.8));
            recorder.Write(Update(2));

            // Then they wait in memory less than a second: both are on disk at 2.0 s
            _t._clock.Advance(TimeSpan.FromSeconds(0.1));
            Assert.Equal(1 + 6, Lines(_t.File("coordination.csv")));
        }

        [Fact]
        public void Should_take_rows_from_four_threads_at_once_without_losing_or_tearing_any()
        {
            // Given pose, both voices, features and updates written from their own threads
            using (var recorder = SessionRecorder.Open(_t.Session, Manifest(_t._clock.GetUtcNow()), _t._clock))
            {
                Parallel.Invoke(
                    () => { for (var k = 0; k < 300; k++) recorder.Write(PoseAt(k)); },
                    () => { for (var k = 0; k < 1000; k++) recorder.Write(Participant.A, RecordingSamples.Voice(k)); },
                    () => { for (var k = 0; k < 1000; k++) recorder.Write(Participant.B, RecordingSamples.Voice(k)); },
                    () => { for (var k = 0; k < 300; k++) recorder.Write(Feature(k)); },
                    () => { for (var k = 0; k < 300; k++) { recorder.Write(Update(k)); _t._clock.Advance(TimeSpan.FromMilliseconds(10)); } });
                recorder.Complete();
            }

            // Then every row is there, whole, and the tables read back
            Assert.Equal(300, PoseCsvReader.Read(_t.File("pose.csv")).Count());
            Assert.Equal(1000, ProsodyCsvReader.ReadFrames(_t.File("prosody.csv"), Participant.A).Count);
            Assert.Equal(1000, ProsodyCsvReader.ReadFrames(_t.File("prosody.csv"), Participant.B).Count);
            Assert.Equal(1 + 300 * 2 * FeatureNames.Length, Lines(_t.File("features.csv")));
            Assert.Equal(1 + 300 * 2, Lines(_t.File("coordination.csv")));
        }
    }

    public sealed class Crash : IDisposable
    {
        private readonly SessionRecorderTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void Should_leave_every_row_flushed_before_an_abandoned_recording_readable_and_marked_cut_short()
        {
            // Given two seconds recorded, then half a second more that never reached the OS, and no dispose (as after kill -9)
            var recorder = SessionRecorder.Open(_t.Session, Manifest(_t._clock.GetUtcNow()), _t._clock);
            for (var k = 0; k < 75; k++)
            {
                recorder.Write(PoseAt(k));
                recorder.Write(Participant.A, RecordingSamples.Voice(k));
                recorder.Write(Feature(k));
                _t._clock.Advance(TimeSpan.FromSeconds(1 / 30.0));
            }

            // When the folder is opened while the abandoned recorder still holds its files
            var session = SessionFolder.Open(_t.Session);

            // Then it reads as cut short, and holds at least everything up to the last second
            Assert.True(session.CutShort);
            Assert.Contains(session.Warnings, w => w.Contains("cut short", StringComparison.Ordinal));
            var frames = PoseCsvReader.Read(session.Table("pose.csv")!.Path, session.Table("pose.csv")!.CompleteLength).ToList();
            Assert.InRange(frames.Count, 75 - 30, 75);
            Assert.Equal(Enumerable.Range(0, frames.Count).Select(k => Time(k)), frames.Select(f => f.Time));
            Assert.All(frames, f => Assert.Equal(2, f.People.Count));
            var voices = ProsodyCsvReader.ReadFrames(session.Table("prosody.csv")!.Path, Participant.A, session.Table("prosody.csv")!.CompleteLength);
            Assert.InRange(voices.Count, 75 - 30, 75);
            recorder.Dispose();
        }

        [Fact]
        public void Should_refuse_to_record_over_an_earlier_recording()
        {
            // Given a folder with a finished recording
            using (var first = SessionRecorder.Open(_t.Session, Manifest(_t._clock.GetUtcNow()), _t._clock))
                first.Complete();

            // When another recording is started in it, then it is refused and the first is untouched
            var error = Assert.Throws<IOException>(() => SessionRecorder.Open(_t.Session, Manifest(_t._clock.GetUtcNow()), _t._clock));
            Assert.Contains("never overwritten", error.Message);
            Assert.True(SessionFolder.Open(_t.Session).Manifest.Complete);
        }
    }

    public sealed class Manifests : IDisposable
    {
        private readonly SessionRecorderTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void Should_put_where_a_raw_file_starts_into_the_manifest_on_disk_as_soon_as_it_is_known()
        {
            using var recorder = SessionRecorder.Open(_t.Session, Manifest(_t._clock.GetUtcNow(), [RawMediaFile.Microphone(Participant.A)]), _t._clock);

            recorder.PlaceRawMedia(RawMediaFile.Microphone(Participant.A, 2.5));

            using var manifest = JsonDocument.Parse(OnDisk(_t.File("manifest.json")));
            var voice = manifest.RootElement.GetProperty("raw_media").EnumerateArray().Single();
            Assert.Equal("voice_a.wav", voice.GetProperty("file").GetString());
            Assert.Equal(2.5, voice.GetProperty("start_s").GetDouble());
            Assert.False(manifest.RootElement.GetProperty("complete").GetBoolean());
        }

        [Fact]
        public void Should_say_incomplete_at_the_start_and_complete_with_the_end_time_after_a_clean_stop()
        {
            // Given a recording just started
            var started = _t._clock.GetUtcNow();
            using var recorder = SessionRecorder.Open(_t.Session, Manifest(started), _t._clock);

            // Then the manifest is on disk at once, incomplete, listing the tables and no raw media
            using (var before = JsonDocument.Parse(OnDisk(_t.File("manifest.json"))))
            {
                var root = before.RootElement;
                Assert.Equal(1, root.GetProperty("format_version").GetInt32());
                Assert.Equal("1.2.3", root.GetProperty("tool_version").GetString());
                Assert.Equal("2026-03-02T09:30:00.000Z", root.GetProperty("started_utc").GetString());
                Assert.False(root.GetProperty("complete").GetBoolean());
                Assert.Equal(JsonValueKind.Null, root.GetProperty("ended_utc").ValueKind);
                Assert.Equal(0, root.GetProperty("grid_origin_s").GetDouble());
                Assert.Equal("/dev/video0 (640x480 @ 30 fps)", root.GetProperty("inputs").GetProperty("camera").GetString());
                Assert.Equal("30", root.GetProperty("settings").GetProperty("grid_hz").GetString());
                Assert.Equal(["pose.csv", "prosody.csv", "features.csv", "coordination.csv"], root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
                Assert.Equal(0, root.GetProperty("raw_media").GetArrayLength());
            }

            // When it stops cleanly 90 s later
            _t._clock.Advance(TimeSpan.FromSeconds(90));
            recorder.Complete();

            // Then the manifest says complete, with the end time, and reads back as it was written
            var after = SessionFolder.Open(_t.Session);
            Assert.True(after.Manifest.Complete);
            Assert.False(after.CutShort);
            Assert.Empty(after.Warnings);
            Assert.Equal(started.AddSeconds(90), after.Manifest.EndedUtc);
            Assert.Equal(recorder.Manifest.Files, after.Manifest.Files);
            Assert.Equal(FeatureNames, after.Manifest.FeatureNames);
            Assert.False(System.IO.File.Exists(_t.File("manifest.json.partial")));
        }

        [Fact]
        public void Should_write_no_media_files_when_no_raw_media_was_asked_for()
        {
            // Given a recording of every kind of row, without raw media
            using (var recorder = SessionRecorder.Open(_t.Session, Manifest(_t._clock.GetUtcNow()), _t._clock))
            {
                recorder.Write(PoseAt(0));
                recorder.Write(Participant.B, RecordingSamples.Voice(0));
                recorder.Write(Feature(0));
                recorder.Write(Update(0));
                recorder.Complete();
            }

            // Then the folder holds the manifest and the four tables, nothing else
            Assert.Equal(
                ["coordination.csv", "features.csv", "manifest.json", "pose.csv", "prosody.csv"],
                Directory.GetFiles(_t.Session).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        [Fact]
        public void Should_list_raw_media_the_owner_records_with_where_each_file_starts()
        {
            // Given a recording asked to keep both microphones
            var media = new[] { RawMediaFile.Microphone(Participant.A, 0.02), RawMediaFile.Microphone(Participant.B, 0.03) };
            using var recorder = SessionRecorder.Open(_t.Session, Manifest(_t._clock.GetUtcNow(), media), _t._clock);

            // Then the manifest lists them as files of the session, and a reader finds them by participant once they exist
            var manifest = SessionFolder.Open(_t.Session).Manifest;
            Assert.Equal(media, manifest.RawMedia);
            Assert.Contains("voice_a.wav", manifest.Files);
            System.IO.File.WriteAllBytes(_t.File("voice_b.wav"), [1]);
            var session = SessionFolder.Open(_t.Session);
            Assert.Null(session.RawMedia(RawMediaKind.Audio, Participant.A));
            Assert.Equal(0.03, session.RawMedia(RawMediaKind.Audio, Participant.B)!.StartSeconds);
            Assert.Contains(session.Warnings, w => w.Contains("voice_a.wav", StringComparison.Ordinal));
        }
    }

    public sealed class Tables : IDisposable
    {
        private readonly SessionRecorderTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void Should_write_one_coordination_row_per_channel_with_missing_numbers_and_no_leader_as_empty_cells()
        {
            // Given an update with a posture reading led by A and a tone channel with no data
            using (var recorder = SessionRecorder.Open(_t.Session, Manifest(_t._clock.GetUtcNow()), _t._clock))
            {
                recorder.Write(Update(45));
                recorder.Complete();
            }

            // Then coordination.csv has one row per channel
            Assert.Equal(
                "time_s,measure,value,confidence,leader,lag_s\n" +
                "1.500000,posture,62.5,0.9,A,1.25\n" +
                "1.500000,tone,,0,,\n",
                System.IO.File.ReadAllText(_t.File("coordination.csv")));
        }

        [Fact]
        public void Should_write_each_persons_looking_share_and_nods_per_minute_of_listening_when_the_update_reads_attention()
        {
            // Given an update whose Attention panel read A looking 75 % of 2 minutes (face read 90 %) with 3 nods in
            // 60 s of B speaking, and B looking 40 % (face read half the time) after 6 s of A speaking
            var update = Update(45) with
            {
                Attention = new AttentionReading(TimeSpan.FromMinutes(2), 0.75, 0.4, true, null, 3, 0, 60, 6, 0.9, 0.5),
            };
            using (var recorder = SessionRecorder.Open(_t.Session, Manifest(_t._clock.GetUtcNow()), _t._clock))
            {
                recorder.Write(update);
                recorder.Complete();
            }

            // Then the rows after the channels give looking in per cent and nods per minute of listening, B's nods
            // empty after so little listening
            Assert.EndsWith(
                "1.500000,tone,,0,,\n" +
                "1.500000,looking_a,75,0.9,,\n" +
                "1.500000,nods_a,3,0.5,,\n" +
                "1.500000,looking_b,40,0.5,,\n" +
                "1.500000,nods_b,,0.05,,\n",
                System.IO.File.ReadAllText(_t.File("coordination.csv")));
        }

        [Fact]
        public void Should_drop_rows_that_arrive_after_the_stop_instead_of_failing_their_producer()
        {
            // Given a stopped recording with one update
            using var recorder = SessionRecorder.Open(_t.Session, Manifest(_t._clock.GetUtcNow()), _t._clock);
            recorder.Write(Update(0));
            recorder.Complete();

            // When a producer on another thread delivers one more of each
            recorder.Write(PoseAt(1));
            recorder.Write(Participant.A, RecordingSamples.Voice(1));
            recorder.Write(Feature(1));
            recorder.Write(Update(1));

            // Then nothing is added and the manifest stays complete
            Assert.Equal(1 + 2, Lines(_t.File("coordination.csv")));
            Assert.Equal(PoseCsvWriter.Header + "\n", OnDisk(_t.File("pose.csv")));
            Assert.True(SessionFolder.Open(_t.Session).Manifest.Complete);
        }
    }

    private static int Lines(string path) => OnDisk(path).Count(c => c == '\n');
}
