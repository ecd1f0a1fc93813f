using MirrorSense.Capture.Recording;
using MirrorSense.Capture.Video;
using MirrorSense.Testing;
using OpenCvSharp;

namespace MirrorSense.Capture.Tests.Recording;

public sealed class CameraRecordingTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-video-recording-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_write_every_frame_as_Motion_JPEG_that_reads_back_with_its_size_and_brightness()
    {
        // Given 20 frames of 160×120 getting brighter by 10 a frame
        var path = _folder.Combine("video.avi");
        using (var recording = new CameraRecording(path, 30, 160, 120))
        {
            for (var k = 0; k < 20; k++)
            {
                using var frame = new Mat(120, 160, MatType.CV_8UC3, Scalar.All(10 * k));
                recording.Write(frame);
            }

            Assert.Equal(20, recording.FramesWritten);
        }

        // When the file is read back
        using var source = new VideoFileSource(path);
        using var read = new Mat();
        var brightness = new List<double>();
        while (source.Read(read, out _))
            brightness.Add(read.Mean().Val0);

        // Then all 20 frames are there, in order, JPEG-close to what was written
        Assert.Equal(160, source.Format.Width);
        Assert.Equal(120, source.Format.Height);
        Assert.Equal(20, brightness.Count);
        for (var k = 0; k < 20; k++)
            Assert.InRange(brightness[k], 10 * k - 3, 10 * k + 3);
    }

    [Fact]
    public void Should_refuse_a_frame_of_another_size()
    {
        using var recording = new CameraRecording(_folder.Combine("video_a.avi"), 30, 160, 120);
        using var frame = new Mat(240, 320, MatType.CV_8UC3, Scalar.All(0));
        Assert.Throws<ArgumentException>(() => recording.Write(frame));
    }
}
