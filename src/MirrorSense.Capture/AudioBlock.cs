using MirrorSense.Core;

namespace MirrorSense.Capture;

/// <summary>
/// A block of interleaved float samples and the media time of its first sample, taken from the number of samples
/// the source delivered before it (never from the wall clock). Belongs in Core once Core takes audio types; it lives
/// here until then.
/// </summary>
public sealed record AudioBlock(MediaTime Start, AudioFormat Format, ReadOnlyMemory<float> Samples)
{
    /// <summary>Samples per channel.</summary>
    public int FrameCount => Samples.Length / Format.Channels;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)FrameCount / Format.SampleRate);
}
