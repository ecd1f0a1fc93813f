namespace MirrorSense.Core;

/// <summary>
/// A block of interleaved float samples and the media time of its first sample, taken from the number of samples
/// the source delivered before it (never from the wall clock).
/// </summary>
public sealed record AudioBlock(MediaTime Start, AudioFormat Format, ReadOnlyMemory<float> Samples)
{
    /// <summary>Samples per channel.</summary>
    public int FrameCount => Samples.Length / Format.Channels;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)FrameCount / Format.SampleRate);

    /// <summary>The samples of one channel (0 = left), copied out of the interleaved block.</summary>
    public float[] Channel(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Format.Channels);
        var mono = new float[FrameCount];
        CopyChannel(Samples.Span, Format.Channels, channel, mono);
        return mono;
    }

    /// <summary>Copies channel <paramref name="channel"/> of <paramref name="interleaved"/> frames into <paramref name="into"/>, one sample per frame.</summary>
    public static void CopyChannel(ReadOnlySpan<float> interleaved, int channels, int channel, Span<float> into)
    {
        for (var i = 0; i < into.Length; i++)
            into[i] = interleaved[i * channels + channel];
    }
}
