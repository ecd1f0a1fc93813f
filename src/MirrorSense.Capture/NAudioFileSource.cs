using NAudio.Wave;
using MirrorSense.Core;

namespace MirrorSense.Capture;

/// <summary>
/// A WAV or AIFF file read through NAudio.Core's streaming readers: PCM (8–32 bit) and IEEE float, converted to
/// floats as Praat scales them (16-bit: ÷ 32768). Only a small read buffer is held, never the whole file.
/// </summary>
public sealed class NAudioFileSource : IAudioSource
{
    private readonly WaveStream _reader;
    private readonly ISampleProvider _samples;

    private NAudioFileSource(string path, WaveStream reader, ISampleProvider samples)
    {
        Name = path;
        _reader = reader;
        _samples = samples;
        Format = new AudioFormat(samples.WaveFormat.SampleRate, samples.WaveFormat.Channels);
    }

    public string Name { get; }
    public AudioFormat Format { get; }

    /// <summary>Opens a .wav (RIFF/RF64) or .aif/.aiff file; a bad header or an encoding NAudio cannot convert throws <see cref="AudioSourceException"/>.</summary>
    public static NAudioFileSource Open(string path)
    {
        WaveStream reader;
        try
        {
            reader = IsAiff(path) ? new AiffFileReader(path) : new WaveFileReader(path);
        }
        catch (Exception error) when (error is FormatException or EndOfStreamException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw new AudioSourceException(path, $"not a readable {(IsAiff(path) ? "AIFF" : "WAV")} file ({error.Message.TrimEnd('.')}); the header is damaged or truncated.", error);
        }

        try
        {
            return new NAudioFileSource(path, reader, reader.ToSampleProvider());
        }
        catch (ArgumentException error)
        {
            var format = reader.WaveFormat;
            reader.Dispose();
            throw new AudioSourceException(path,
                $"unsupported encoding {format.Encoding} ({format.BitsPerSample} bit); MirrorSense reads PCM and IEEE float. Convert it, e.g. `ffmpeg -i in.wav -c:a pcm_s16le out.wav`.", error);
        }
    }

    public int Read(Span<float> into)
    {
        var whole = into.Length - into.Length % Format.Channels;
        try
        {
            return _samples.Read(into[..whole]);
        }
        catch (Exception error) when (error is IOException or FormatException or InvalidDataException)
        {
            throw new AudioSourceException(Name, $"reading failed after {_reader.Position} bytes: {error.Message}", error);
        }
    }

    public void Dispose() => _reader.Dispose();

    private static bool IsAiff(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".aif" or ".aiff" or ".aifc";
}
