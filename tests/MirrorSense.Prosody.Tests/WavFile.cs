using System.Buffers.Binary;

namespace MirrorSense.Prosody.Tests;

/// <summary>A minimal reader of 16-bit PCM WAV files (first channel), scaled to [-1, 1) as Praat reads them.</summary>
internal sealed record WavFile(float[] Samples, int SampleRate)
{
    public static WavFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(bytes) != 0x52494646 /* RIFF */)
            throw new InvalidDataException($"{path} is not a RIFF file.");
        int channels = 0, rate = 0, bits = 0;
        var position = 12;
        while (position + 8 <= bytes.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, position, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 4));
            var body = bytes.AsSpan(position + 8, Math.Min(size, bytes.Length - position - 8));
            if (id == "fmt ")
            {
                var format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                if ((format != 1 && format != 0xFFFE) || bits != 16)
                    throw new InvalidDataException($"{path}: only 16-bit PCM is read here (format {format}, {bits} bits).");
            }
            else if (id == "data")
            {
                if (channels == 0)
                    throw new InvalidDataException($"{path}: data before fmt chunk.");
                var frames = body.Length / (2 * channels);
                var samples = new float[frames];
                for (var i = 0; i < frames; i++)
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(i * 2 * channels)..]) / 32768f;
                return new WavFile(samples, rate);
            }
            position += 8 + size + (size & 1);
        }
        throw new InvalidDataException($"{path} has no data chunk.");
    }
}
