using MirrorSense.Core;

namespace MirrorSense.Capture.PulseAudio;

/// <summary>
/// A live microphone (PulseAudio source) on Linux, recorded through libpulse-simple as 32-bit floats. Reads block
/// until the requested samples have arrived, so the stream runs at the device's pace; media time comes from the
/// sample count (see <see cref="AudioBlockReader"/>). A device that fails or disappears ends the stream with an
/// <see cref="AudioSourceException"/> naming it. Disposing while a read is blocked (a server that died can leave a
/// read waiting for ever) leaves the stream to that read: libpulse must not free a stream under a blocked reader (it
/// hangs or crashes), so the reader frees it if its read ever returns, and otherwise the process's exit does. Note that PulseAudio 14+ moves a stream whose source vanishes to the
/// fallback source instead of failing it; the simple API cannot forbid that (PA_STREAM_DONT_MOVE needs the full API).
/// </summary>
public sealed class PulseAudioMicrophone : IAudioSource
{
    private readonly Lock _gate = new();
    private IntPtr _stream;
    private bool _reading;
    private bool _disposed;

    private PulseAudioMicrophone(IntPtr stream, string name, AudioFormat format)
    {
        _stream = stream;
        Name = name;
        Format = format;
    }

    public string Name { get; }
    public AudioFormat Format { get; }

    /// <summary>
    /// Opens <paramref name="device"/> (a source name from <c>mirrorsense devices</c>; null for the default source).
    /// <paramref name="fragment"/> is how much audio the server hands over at once (latency vs. wake-ups).
    /// <paramref name="server"/> names a server (e.g. <c>unix:/run/user/1000/pulse/native</c>); null for the session's own.
    /// </summary>
    public static PulseAudioMicrophone Open(string? device, AudioFormat format, TimeSpan fragment, string? server = null, IAudioDeviceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(format);
        var name = device ?? "default microphone";
        var spec = new PulseSimple.SampleSpec { Format = PulseSimple.SampleFloat32Le, Rate = (uint)format.SampleRate, Channels = (byte)format.Channels };
        var fragmentBytes = (uint)Math.Max(format.Channels * sizeof(float), Math.Round(fragment.TotalSeconds * format.SampleRate) * format.Channels * sizeof(float));
        var attributes = new PulseSimple.BufferAttributes
        {
            MaxLength = uint.MaxValue,
            TargetLength = uint.MaxValue,
            PreBuffering = uint.MaxValue,
            MinimumRequest = uint.MaxValue,
            FragmentSize = fragmentBytes,
        };
        IntPtr stream;
        int error;
        try
        {
            stream = PulseSimple.New(server, "MirrorSense", PulseSimple.StreamRecord, device, "microphone", spec, IntPtr.Zero, attributes, out error);
        }
        catch (DllNotFoundException dllError)
        {
            throw new AudioSourceException(name, "PulseAudio's client library (libpulse-simple.so.0) is not installed; install pulseaudio-utils or libpulse0.", dllError);
        }
        if (stream == IntPtr.Zero)
        {
            var devices = (catalog ?? new PulseAudioDeviceCatalog(server)).List();
            throw new AudioSourceException(name, $"cannot open this PulseAudio source ({PulseSimple.Describe(error)}); {devices.Describe()}.");
        }
        return new PulseAudioMicrophone(stream, name, format);
    }

    public unsafe int Read(Span<float> into)
    {
        var count = into.Length - into.Length % Format.Channels;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (count == 0)
                return 0;
            _reading = true;
        }

        int error;
        int result;
        try
        {
            fixed (float* data = into)
                result = PulseSimple.Read(_stream, data, (nuint)(count * sizeof(float)), out error);
        }
        finally
        {
            lock (_gate)
            {
                _reading = false;
                if (_disposed)
                    Release();
            }
        }

        if (result < 0)
            throw new AudioSourceException(Name, $"the microphone stopped delivering audio ({PulseSimple.Describe(error)}).");
        return count;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            if (!_reading)
                Release();
        }
    }

    private void Release()
    {
        if (_stream == IntPtr.Zero)
            return;
        PulseSimple.Free(_stream);
        _stream = IntPtr.Zero;
    }
}
