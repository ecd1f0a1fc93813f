using MirrorSense.Dashboard.Wire;
using MirrorSense.Testing;

namespace MirrorSense.Dashboard.Tests;

public sealed class FrameSizeTests
{
    [SkippableFact]
    public void Should_read_the_size_of_a_real_jpeg()
    {
        // Given a 320×240 JPEG made by ffmpeg (with its JFIF and table segments before the frame header)
        using var folder = new TempFolder();
        var jpeg = Jpegs.Plain(folder, 320, 240);

        // Then its size is read from the header
        Assert.Equal(new FrameSize(320, 240), FrameSize.FromJpeg(jpeg));
    }

    [Fact]
    public void Should_read_a_progressive_frame_header_after_an_app_segment()
    {
        // Given SOI, an APP0 segment of 4 bytes, then a progressive (SOF2) header for 1280×720
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC2, 0x00, 0x11, 0x08, 0x02, 0xD0, 0x05, 0x00, 0x03];

        // Then its size is found
        Assert.Equal(new FrameSize(1280, 720), FrameSize.FromJpeg(jpeg));
    }

    [Fact]
    public void Should_find_no_size_in_bytes_that_are_not_a_jpeg()
    {
        Assert.Null(FrameSize.FromJpeg("GIF89a......"u8));
        Assert.Null(FrameSize.FromJpeg([0xFF, 0xD8, 0xFF]));
        Assert.Null(FrameSize.FromJpeg([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x40]));
    }
}
