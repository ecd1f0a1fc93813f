using System.Buffers.Binary;

namespace MirrorSense.Dashboard.Wire;

/// <summary>The pixel size of a camera frame, read from its JPEG header (the dashboard never decodes images).</summary>
internal readonly record struct FrameSize(int Width, int Height)
{
    /// <summary>
    /// Walks the JPEG marker segments up to the first start-of-frame (SOF0–SOF15, except DHT, JPG and DAC, which
    /// share the range) and reads its height and width; null when the bytes are not a JPEG with a frame header.
    /// </summary>
    public static FrameSize? FromJpeg(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
            return null;
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
                return null;
            var marker = jpeg[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte before a marker
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            var isFrameHeader = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrameHeader)
            {
                if (at + 9 > jpeg.Length)
                    return null;
                int height = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 5)..]);
                int width = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 7)..]);
                return width > 0 && height > 0 ? new FrameSize(width, height) : null;
            }

            at += 2 + length;
        }

        return null;
    }
}
