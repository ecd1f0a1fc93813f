using MirrorSense.Core;

namespace MirrorSense.Capture;

/// <summary>
/// One source of audio (a file, a video's audio track, a microphone) or one stage on top of another. Pull-based, as
/// NAudio's ISampleProvider: <see cref="Read"/> fills a span with whole interleaved frames and returns how many
/// samples it wrote; 0 means the stream ended cleanly. A fault throws <see cref="AudioSourceException"/> naming
/// <see cref="Name"/>; samples returned before it stay valid.
/// </summary>
public interface IAudioSource : IDisposable
{
    /// <summary>What the audio comes from (file path or device name), for messages.</summary>
    string Name { get; }

    AudioFormat Format { get; }

    /// <summary>Reads up to <paramref name="into"/>.Length samples, always a whole number of frames; 0 at the end.</summary>
    int Read(Span<float> into);
}
