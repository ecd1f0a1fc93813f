using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Testing;
using OpenCvSharp;

namespace MirrorSense.Capture.Tests.Video;

public sealed class VideoFileSourceTests
{
    public sealed class Read
    {
        [Fact]
        public void Should_deliver_every_frame_with_its_container_time_then_end_cleanly()
        {
            // Given a 45-frame, 30 fps AVI
            using var folder = new TempFolder();
            var path = TestVideos.Write(folder.Combine("clip.avi"), 45);

            // When it is read to the end
            using var source = new VideoFileSource(path);
            using var frame = new Mat();
            var times = new List<MediaTime>();
            while (source.Read(frame, out var time))
                times.Add(time);

            // Then 45 frames arrive at k/30 s, and reading past the end stays false without throwing
            Assert.Equal(new VideoFormat(160, 120, 30, 45), source.Format);
            Assert.Equal(45, times.Count);
            for (var k = 0; k < times.Count; k++)
                Assert.InRange(times[k].Microseconds, k * 1_000_000L / 30 - 1000, k * 1_000_000L / 30 + 1000);
            Assert.False(source.Read(frame, out _));
        }

        [Fact]
        public void Should_deliver_the_frames_before_the_damage_of_a_truncated_file_then_say_it_is_truncated()
        {
            // Given a 90-frame AVI cut off at 60 % of its bytes
            using var folder = new TempFolder();
            var path = TestVideos.Write(folder.Combine("cut.avi"), 90);
            TestVideos.Truncate(path, 0.6);

            // When it is read
            using var source = new VideoFileSource(path);
            var (frames, error) = TestVideos.ReadUntilFault(source);

            // Then some frames came first and the error names the file and the shortfall
            Assert.InRange(frames, 30, 80);
            Assert.Contains("truncated", error.Message);
            Assert.Contains($"after {frames} of the 90 frames", error.Message);
        }
    }

    public sealed class Open
    {
        [Fact]
        public void Should_say_a_missing_file_does_not_exist()
        {
            var error = Assert.Throws<FileNotFoundException>(() => new VideoFileSource("/nonexistent/clip.mp4"));
            Assert.Contains("/nonexistent/clip.mp4", error.Message);
        }

        [Fact]
        public void Should_say_a_text_file_is_not_a_video()
        {
            using var folder = new TempFolder();
            var path = folder.Write("notes.mp4", "these are notes, not a video\n");
            var error = Assert.Throws<VideoSourceException>(() => new VideoFileSource(path));
            Assert.Contains("is not a video", error.Message);
        }
    }
}
