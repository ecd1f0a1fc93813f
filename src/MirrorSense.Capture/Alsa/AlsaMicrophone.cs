using MirrorSense.Core;

namespace MirrorSense.Capture.Alsa;

/// <summary>
/// A live microphone through ALSA (libasound), the Linux fallback when PulseAudio is not running. Asks the device for
/// 32-bit floats and, when it cannot deliver them, for 16-bit integers (scaled ÷ 32768 as the file readers do). Reads
/// block until the requested frames have arrived. An overrun (the reader fell behind and the device dropped audio) is
/// recovered from and counted in <see cref="Overruns"/>; a device that disappears or fails ends the stream with an
/// <see cref="AudioSourceException"/> naming it, after everything read before.
/// </summary>
public sealed class AlsaMicrophone : IAudioSource
{
    private IntPtr _pcm;
    private readonly bool _integers;
    private short[] _scratch = [];

    private AlsaMicrophone(IntPtr pcm, string name, AudioFormat format, bool integers)
    {
        _pcm = pcm;
        Name = name;
        Format = format;
        _integers = integers;
    }

    public string Name { get; }
    public AudioFormat Format { get; }

    /// <summary>How many times the device overran (audio was lost) and capture resumed.</summary>
    public int Overruns { get; private set; }

    /// <summary>
    /// Opens <paramref name="device"/> (an ALSA PCM name from <c>mirrorsense devices</c>, e.g. <c>default</c> or
    /// <c>hw:1,0</c>; null for <c>default</c>) for capture in <paramref name="format"/>, resampled by ALSA if the
    /// hardware runs at another rate. <paramref name="latency"/> is the device buffer (overrun margin vs. delay).
    /// </summary>
    public static AlsaMicrophone Open(string? device, AudioFormat format, TimeSpan latency, IAudioDeviceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(format);
        var name = device ?? "default";
        IntPtr pcm;
        int result;
        try
        {
            result = AlsaNative.Open(out pcm, name, AlsaNative.StreamCapture, 0);
        }
        catch (DllNotFoundException error)
        {
            throw new AudioSourceException(name, "ALSA's library (libasound.so.2) is not installed; install the Debian package libasound2.", error);
        }
        if (result < 0)
        {
            var devices = (catalog ?? new AlsaDeviceCatalog()).List();
            throw new AudioSourceException(name, $"cannot open this ALSA capture device ({AlsaNative.Describe(result)}); {devices.Describe()}.");
        }

        var microseconds = (uint)Math.Clamp(latency.TotalMicroseconds, 1_000, 10_000_000);
        var floats = AlsaNative.SetParameters(pcm, AlsaNative.FormatFloatLe, AlsaNative.AccessReadWriteInterleaved,
            (uint)format.Channels, (uint)format.SampleRate, 1, microseconds);
        if (floats >= 0)
            return new AlsaMicrophone(pcm, name, format, integers: false);
        var integers = AlsaNative.SetParameters(pcm, AlsaNative.FormatS16Le, AlsaNative.AccessReadWriteInterleaved,
            (uint)format.Channels, (uint)format.SampleRate, 1, microseconds);
        if (integers >= 0)
            return new AlsaMicrophone(pcm, name, format, integers: true);
        AlsaNative.Close(pcm);
        throw new AudioSourceException(name,
            $"cannot record {format.Channels} channel(s) at {format.SampleRate} Hz as 32-bit float or 16-bit samples ({AlsaNative.Describe(integers)}).");
    }

    public unsafe int Read(Span<float> into)
    {
        ObjectDisposedException.ThrowIf(_pcm == IntPtr.Zero, this);
        var frames = into.Length / Format.Channels;
        if (frames == 0)
            return 0;
        nint got;
        if (_integers)
        {
            if (_scratch.Length < frames * Format.Channels)
                _scratch = new short[frames * Format.Channels];
            fixed (short* data = _scratch)
                got = ReadFrames(data, frames);
            for (var i = 0; i < got * Format.Channels; i++)
                into[i] = _scratch[i] / 32768f;
        }
        else
        {
            fixed (float* data = into)
                got = ReadFrames(data, frames);
        }
        return (int)got * Format.Channels;
    }

    private unsafe nint ReadFrames(void* data, int frames)
    {
        while (true)
        {
            var got = AlsaNative.ReadInterleaved(_pcm, data, (nuint)frames);
            if (got >= 0)
                return got;
            var error = (int)got;
            if (error == AlsaNative.NoDevice)
                throw new AudioSourceException(Name, "the microphone disappeared (the device was unplugged or its driver went away).");
            // An overrun or a suspend is recoverable: prepare the stream again and go on reading.
            if ((error == AlsaNative.BrokenPipe || error == AlsaNative.Suspended) && AlsaNative.Recover(_pcm, error, 1) >= 0)
            {
                Overruns++;
                continue;
            }
            throw new AudioSourceException(Name, $"the microphone stopped delivering audio ({AlsaNative.Describe(error)}).");
        }
    }

    public void Dispose()
    {
        if (_pcm == IntPtr.Zero)
            return;
        AlsaNative.Close(_pcm);
        _pcm = IntPtr.Zero;
    }
}
