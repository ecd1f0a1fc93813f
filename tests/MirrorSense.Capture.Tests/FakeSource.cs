using MirrorSense.Core;

namespace MirrorSense.Capture.Tests;

/// <summary>A mono source that hands out a ramp in reads of at most <paramref name="readSize"/> samples, then ends or fails.</summary>
internal sealed class FakeSource(int sampleRate, int total, int readSize, bool failAtEnd = false) : IAudioSource
{
    private int _position;

    public string Name => "fake:device";
    public AudioFormat Format { get; } = new(sampleRate, 1);

    public int Read(Span<float> into)
    {
        if (_position >= total)
        {
            if (failAtEnd)
                throw new AudioSourceException(Name, "the device was unplugged.");
            return 0;
        }
        var count = Math.Min(Math.Min(into.Length, readSize), total - _position);
        for (var i = 0; i < count; i++)
            into[i] = _position + i;
        _position += count;
        return count;
    }

    public void Dispose()
    {
    }
}
