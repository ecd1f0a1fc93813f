using System.Reactive.Concurrency;
using System.Reactive.Linq;
using MirrorSense.Capture.Video;
using MirrorSense.Testing;
using OpenCvSharp;

namespace MirrorSense.Capture.Tests.Video;

public sealed class VideoObservableTests
{
    public sealed class Frames
    {
        [Fact]
        public void Should_stream_every_frame_with_its_container_time_then_complete()
        {
            // Given a 45-frame, 30 fps AVI whose bar moves one pixel a frame
            using var folder = new TempFolder();
            using var source = new VideoFileSource(TestVideos.Write(folder.Combine("clip.avi"), 45));

            // When streamed (keeping each frame's time and the bar's column, since the buffer is only lent)
            var frames = source.Frames().Select(f => (f.Time, Bar: BarColumn(f.Value), Thread: Environment.CurrentManagedThreadId)).ToList().Wait();

            // Then all 45 arrive in order at k/30 s, read off the subscribing thread
            Assert.Equal(45, frames.Count);
            for (var k = 0; k < frames.Count; k++)
            {
                Assert.InRange(frames[k].Time.Microseconds, k * 1_000_000L / 30 - 1000, k * 1_000_000L / 30 + 1000);
                Assert.InRange(frames[k].Bar, k - 1, k + 1);
            }

            Assert.All(frames, f => Assert.NotEqual(Environment.CurrentManagedThreadId, f.Thread));
        }

        [Fact]
        public void Should_end_a_truncated_file_with_its_error_after_the_frames_before_the_damage()
        {
            using var folder = new TempFolder();
            var path = TestVideos.Write(folder.Combine("cut.avi"), 90);
            TestVideos.Truncate(path, 0.6);
            using var source = new VideoFileSource(path);
            var frames = 0;

            var error = Assert.Throws<VideoSourceException>(() => source.Frames(Scheduler.CurrentThread).Do(_ => frames++).Wait());

            Assert.InRange(frames, 30, 80);
            Assert.Contains($"after {frames} of the 90 frames", error.Message);
        }

        [Fact]
        public void Should_check_its_arguments_when_wired()
        {
            Assert.Throws<ArgumentNullException>(() => VideoObservable.Frames(null!));
            using var folder = new TempFolder();
            using var source = new VideoFileSource(TestVideos.Write(folder.Combine("clip.avi"), 2));
            Assert.Throws<ArgumentNullException>(() => source.Frames(null!));
        }

        /// <summary>The first column of the white bar TestVideos draws at the frame's index.</summary>
        private static int BarColumn(Mat frame)
        {
            var (width, row) = (frame.Width, frame.Height / 2);
            for (var x = 0; x < width; x++)
            {
                if (frame.At<Vec3b>(row, x).Item0 > 200)
                    return x;
            }

            return -1;
        }
    }
}
