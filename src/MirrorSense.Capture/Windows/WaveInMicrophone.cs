using System.Runtime.Versioning;
using NAudio.Wave;
using MirrorSense.Core;

namespace MirrorSense.Capture.Windows;

/// <summary>
/// A live microphone on Windows through NAudio's WaveIn (WinMM), recording 16-bit PCM (scaled ÷ 32768 as the file
/// readers do). WaveIn pushes buffers from its own thread; they are kept in a bounded queue (<see cref="QueueSeconds"/>
/// of audio) that <see cref="Read"/> drains, blocking until audio arrives. If the reader falls that far behind, new
/// audio is dropped and counted in <see cref="Overruns"/>. A device that fails or is unplugged ends the stream:
/// what was queued before is still read, then an <see cref="AudioSourceException"/> names the device.
/// Compiled on every platform but only usable on Windows; it cannot be exercised on the Linux CI machine.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WaveInMicrophone : IAudioSource
{
    public const int QueueSeconds = 10;

    private readonly WaveIn _waveIn;
    private readonly object _gate = new();
    private readonly Queue<float> _queue = new();
    private readonly int _capacity;
    private bool _ended;
    private Exception? _fault;

    private WaveInMicrophone(WaveIn waveIn, string name, AudioFormat format)
    {
        _waveIn = waveIn;
        Name = name;
        Format = format;
        _capacity = QueueSeconds * format.SampleRate * format.Channels;
        _waveIn.DataAvailable += OnData;
        _waveIn.RecordingStopped += OnStopped;
    }

    public string Name { get; }
    public AudioFormat Format { get; }

    /// <summary>How many device buffers were dropped because the reader fell <see cref="QueueSeconds"/> behind.</summary>
    public int Overruns { get; private set; }

    /// <summary>
    /// Opens <paramref name="device"/> (a name from <c>mirrorsense devices</c>; null for the system's default
    /// recording device) and starts recording. <paramref name="fragment"/> is the duration of each WaveIn buffer.
    /// </summary>
    public static WaveInMicrophone Open(string? device, AudioFormat format, TimeSpan fragment, IAudioDeviceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(format);
        var devices = (catalog ?? new WaveInDeviceCatalog()).List();
        var number = -1; // WAVE_MAPPER: the default device
        if (device is not null)
        {
            number = devices.Devices.Select((d, i) => (d, i)).FirstOrDefault(x => x.d.Name == device, (null!, -2)).Item2;
            if (number == -2)
                throw new AudioSourceException(device, $"no such Windows recording device; {devices.Describe()}.");
        }
        var name = device ?? "default recording device";
        var waveIn = new WaveIn
        {
            DeviceNumber = number,
            WaveFormat = new WaveFormat(format.SampleRate, 16, format.Channels),
            BufferMilliseconds = Math.Max(10, (int)fragment.TotalMilliseconds),
        };
        var microphone = new WaveInMicrophone(waveIn, name, format);
        try
        {
            waveIn.StartRecording();
        }
        catch (Exception error) when (error is NAudio.MmException or InvalidOperationException)
        {
            microphone.Dispose();
            throw new AudioSourceException(name, $"cannot start recording ({error.Message}); {devices.Describe()}.", error);
        }
        return microphone;
    }

    public int Read(Span<float> into)
    {
        var whole = into.Length - into.Length % Format.Channels;
        lock (_gate)
        {
            while (_queue.Count == 0 && !_ended)
                Monitor.Wait(_gate);
            if (_queue.Count == 0)
            {
                if (_fault is not null)
                    throw new AudioSourceException(Name, $"the microphone stopped delivering audio ({_fault.Message}).", _fault);
                return 0;
            }
            var count = Math.Min(whole, _queue.Count);
            for (var i = 0; i < count; i++)
                into[i] = _queue.Dequeue();
            return count;
        }
    }

    private void OnData(object? sender, WaveInEventArgs e)
    {
        lock (_gate)
        {
            var samples = e.BytesRecorded / 2;
            if (_queue.Count + samples > _capacity)
            {
                Overruns++;
                return;
            }
            for (var i = 0; i < samples; i++)
                _queue.Enqueue(BitConverter.ToInt16(e.Buffer, 2 * i) / 32768f);
            Monitor.PulseAll(_gate);
        }
    }

    private void OnStopped(object? sender, StoppedEventArgs e)
    {
        lock (_gate)
        {
            _ended = true;
            _fault ??= e.Exception;
            Monitor.PulseAll(_gate);
        }
    }

    public void Dispose()
    {
        _waveIn.DataAvailable -= OnData;
        _waveIn.StopRecording();
        _waveIn.Dispose();
        lock (_gate)
        {
            _ended = true;
            Monitor.PulseAll(_gate);
        }
    }
}
