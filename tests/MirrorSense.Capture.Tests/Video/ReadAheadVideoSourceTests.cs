using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Testing;
using OpenCvSharp;

namespace MirrorSense.Capture.Tests.Video;

public sealed class ReadAheadVideoSourceTests
{
    [Fact]
    public void Should_deliver_the_same_frames_and_times_as_the_file_read_directly()
    {
        // Given a 75-frame AVI whose frames differ (a bar moves by one pixel per frame)
        using var folder = new TempFolder();
        var path = TestVideos.Write(folder.Combine("clip.avi"), 75);

        // When it is read once directly and once read ahead
        var direct = ReadAll(new VideoFileSource(path));
        var ahead = ReadAll(new ReadAheadVideoSource(new VideoFileSource(path)));

        // Then both give the same 75 frames, pixel for pixel, with the same times and format
        Assert.Equal(75, direct.Frames.Count);
        Assert.Equal(direct.Format, ahead.Format);
        Assert.Equal(direct.Frames.Select(f => f.Time), ahead.Frames.Select(f => f.Time));
        for (var i = 0; i < direct.Frames.Count; i++)
            Assert.Equal(direct.Frames[i].Hash, ahead.Frames[i].Hash);
    }

    [Fact]
    public void Should_deliver_the_frames_before_the_damage_of_a_truncated_file_then_its_error()
    {
        // Given a 90-frame AVI cut off at 60 % of its bytes
        using var folder = new TempFolder();
        var path = TestVideos.Write(folder.Combine("cut.avi"), 90);
        TestVideos.Truncate(path, 0.6);

        // When it is read ahead
        using var source = new ReadAheadVideoSource(new VideoFileSource(path));
        var (frames, error) = TestVideos.ReadUntilFault(source);

        // Then the frames before the damage come first, then the file's own error, and reading on stays at the end
        Assert.InRange(frames, 30, 80);
        Assert.Contains($"after {frames} of the 90 frames", error.Message);
        using var frame = new Mat();
        Assert.False(source.Read(frame, out _));
    }

    [Fact]
    public async Task Should_stop_reading_ahead_when_disposed_before_the_end()
    {
        // Given a long AVI of which only the first frames are read
        using var folder = new TempFolder();
        var path = TestVideos.Write(folder.Combine("long.avi"), 300);
        var source = new ReadAheadVideoSource(new VideoFileSource(path), depth: 2);
        using var frame = new Mat();
        Assert.True(source.Read(frame, out _));

        // When it is disposed with frames still waiting (twice, as a host's using and cleanup may both do)
        var disposing = Task.Run(() =>
        {
            source.Dispose();
            source.Dispose();
        });

        // Then the reader stops at once instead of decoding the rest of the file
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static (VideoFormat Format, List<(MediaTime Time, string Hash)> Frames) ReadAll(IVideoSource source)
    {
        using (source)
        {
            using var frame = new Mat();
            var frames = new List<(MediaTime, string)>();
            while (source.Read(frame, out var time))
                frames.Add((time, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(frame.ToBytes(".bmp")))));
            return (source.Format, frames);
        }
    }
}
