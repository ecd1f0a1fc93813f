using NAudio.Wave;
using MirrorSense.Core;

namespace MirrorSense.Capture.Recording;

/// <summary>
/// One microphone written to a 16-bit PCM WAV as its blocks arrive (raw media, only when asked for). Every
/// <see cref="FlushInterval"/> the RIFF and data sizes are rewritten for what has been written and the file is handed to
/// the operating system, so after a <c>kill -9</c> the header is valid and describes all but at most the last second:
/// any WAV reader opens it, no repair needed.
/// </summary>
public sealed class MicrophoneRecording : IDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly WaveFileWriter _writer;
    private readonly TimeProvider _clock;
    private byte[] _pcm;
    private long _lastFlush;
    private bool _disposed;

    /// <param name="path">The .wav to create (an existing file is not overwritten).</param>
    /// <param name="format">The blocks' format; checked on every block.</param>
    /// <param name="clock">Paces the header updates (the system clock live; a fake one in tests).</param>
    public MicrophoneRecording(string path, AudioFormat format, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(clock);
        Path = path;
        Format = format;
        _clock = clock;
        // FileShare.Read: the recording can be played or checked while it grows.
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        _writer = new WaveFileWriter(file, new WaveFormat(format.SampleRate, 16, format.Channels));
        // Room for a 100 ms block up front; a longer block grows it once.
        _pcm = new byte[format.SampleRate * format.Channels * 2 / 10];
        _writer.Flush();
        _lastFlush = clock.GetTimestamp();
    }

    public string Path { get; }
    public AudioFormat Format { get; }

    /// <summary>Samples written so far, per channel.</summary>
    public long FramesWritten => _writer.Length / (2 * Format.Channels);

    /// <exception cref="ArgumentException">The block's format is not the recording's.</exception>
    public void Write(AudioBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (block.Format != Format)
            throw new ArgumentException($"The block is {block.Format}, but '{Path}' records {Format}.", nameof(block));
        var samples = block.Samples.Span;
        if (_pcm.Length < samples.Length * 2)
            _pcm = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            // Praat's scale (×32768, clipped), the inverse of how NAudioFileSource reads 16-bit files back.
            var value = (short)Math.Clamp(Math.Round(samples[i] * 32768.0), short.MinValue, short.MaxValue);
            _pcm[2 * i] = (byte)value;
            _pcm[2 * i + 1] = (byte)(value >> 8);
        }

        _writer.Write(_pcm, 0, samples.Length * 2);
        if (_clock.GetElapsedTime(_lastFlush) >= FlushInterval)
        {
            // NAudio's Flush rewrites the RIFF and data sizes for everything written, then flushes the file stream.
            _writer.Flush();
            _lastFlush = _clock.GetTimestamp();
        }
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _writer.Dispose();
    }
}
