using NLayer;
using MirrorSense.Core;

namespace MirrorSense.Capture;

/// <summary>An MP3 (MPEG-1/2 layer I–III) file decoded frame by frame in managed code with NLayer.</summary>
public sealed class Mp3FileSource : IAudioSource
{
    private readonly MpegFile _file;
    private float[] _scratch = [];

    private Mp3FileSource(string path, MpegFile file)
    {
        Name = path;
        _file = file;
        Format = new AudioFormat(file.SampleRate, file.Channels);
    }

    public string Name { get; }
    public AudioFormat Format { get; }

    public static Mp3FileSource Open(string path)
    {
        try
        {
            return new Mp3FileSource(path, new MpegFile(path));
        }
        catch (Exception error) when (error is InvalidDataException or FormatException or EndOfStreamException or ArgumentException or NullReferenceException or IndexOutOfRangeException)
        {
            // NLayer reports a file without MPEG frames in several ways; all mean the same to a user.
            throw new AudioSourceException(path, $"not a readable MP3 file ({error.Message.TrimEnd('.')}).", error);
        }
    }

    public int Read(Span<float> into)
    {
        var whole = into.Length - into.Length % Format.Channels;
        if (_scratch.Length < whole)
            _scratch = new float[whole];
        int count;
        try
        {
            count = _file.ReadSamples(_scratch, 0, whole);
        }
        catch (Exception error) when (error is IOException or InvalidDataException or IndexOutOfRangeException)
        {
            throw new AudioSourceException(Name, $"decoding failed: {error.Message}", error);
        }
        count -= count % Format.Channels;
        _scratch.AsSpan(0, count).CopyTo(into);
        return count;
    }

    public void Dispose() => _file.Dispose();
}
