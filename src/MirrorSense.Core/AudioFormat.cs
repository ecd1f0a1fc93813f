namespace MirrorSense.Core;

/// <summary>The shape of an audio stream: samples per second and interleaved channels (samples are 32-bit floats in [-1, 1]).</summary>
public sealed record AudioFormat
{
    public AudioFormat(int sampleRate, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        SampleRate = sampleRate;
        Channels = channels;
    }

    public int SampleRate { get; }
    public int Channels { get; }

    public override string ToString() => $"{SampleRate} Hz, {Channels} channel{(Channels == 1 ? "" : "s")}";
}
