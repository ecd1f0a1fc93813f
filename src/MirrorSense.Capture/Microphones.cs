using System.Runtime.Versioning;
using MirrorSense.Capture.Alsa;
using MirrorSense.Capture.PulseAudio;
using MirrorSense.Capture.Windows;
using MirrorSense.Core;

namespace MirrorSense.Capture;

/// <summary>
/// The one place that decides which audio system live microphones come from, for both <c>mirrorsense devices</c> and
/// live capture: Windows' recording devices (NAudio WaveIn) on Windows; on Linux PulseAudio's sources when a
/// PulseAudio server answers, else ALSA's capture devices. Other systems have no live audio capture yet.
/// The device <see cref="Output"/> is what the computer plays (PulseAudio's monitor of the default output).
/// </summary>
public sealed class Microphones
{
    /// <summary>The device name that stands for what the computer plays: a call's far side, for --mic-b.</summary>
    public const string Output = "output";

    private readonly Func<string?, AudioFormat, TimeSpan, IAudioSource>? _open;
    private readonly Func<string> _outputSource;

    private Microphones(string system, AudioDeviceList devices, Func<string?, AudioFormat, TimeSpan, IAudioSource>? open, Func<string> outputSource)
    {
        System = system;
        Devices = devices;
        _open = open;
        _outputSource = outputSource;
    }

    /// <summary>The audio system in use, with why when it is a fallback (for headings and messages).</summary>
    public string System { get; }

    /// <summary>The inputs found when the system was chosen.</summary>
    public AudioDeviceList Devices { get; }

    /// <summary>Chooses the audio system and lists its inputs. <paramref name="pulseServer"/> names a PulseAudio server (null: the session's).</summary>
    public static Microphones Detect(string? pulseServer = null)
    {
        if (OperatingSystem.IsWindows())
            return OnWindows();
        if (!OperatingSystem.IsLinux())
            return new Microphones("none", new AudioDeviceList([], "live audio capture is implemented for Linux (PulseAudio, ALSA) and Windows only"), null,
                () => throw new AudioSourceException(Output, "capturing what the computer plays is implemented for Linux (PulseAudio) only."));

        var pulse = new PulseAudioDeviceCatalog(pulseServer);
        var pulseDevices = pulse.List();
        if (pulseDevices.Problem is null)
            return new Microphones(pulse.System, pulseDevices,
                (device, format, fragment) => PulseAudioMicrophone.Open(device, format, fragment, pulseServer, pulse), pulse.OutputMonitor);
        var alsa = new AlsaDeviceCatalog();
        return new Microphones($"ALSA, since {pulseDevices.Problem}", alsa.List(),
            (device, format, fragment) => AlsaMicrophone.Open(device, format, fragment, alsa),
            () => throw new AudioSourceException(Output, $"what the computer plays is captured from PulseAudio's monitor of the default output, but {pulseDevices.Problem}."));
    }

    [SupportedOSPlatform("windows")]
    private static Microphones OnWindows()
    {
        var windows = new WaveInDeviceCatalog();
        return new Microphones(windows.System, windows.List(), (device, format, fragment) => WaveInMicrophone.Open(device, format, fragment, windows),
            () => throw new AudioSourceException(Output,
                "capturing what the computer plays is not implemented on Windows yet; a loopback input the sound card offers (such as 'Stereo Mix') can be given by its name."));
    }

    /// <summary>
    /// Opens <paramref name="device"/> (a name from <see cref="Devices"/>; null for the system's default input) for
    /// capture in <paramref name="format"/>; <paramref name="fragment"/> is how much audio the system hands over at once.
    /// <see cref="Output"/> opens what the computer plays. An absent device throws <see cref="AudioSourceException"/>
    /// naming it and listing the devices that exist.
    /// </summary>
    public IAudioSource Open(string? device, AudioFormat format, TimeSpan fragment) =>
        _open is null
            ? throw new AudioSourceException(device ?? "microphone", Devices.Describe() + ".")
            : _open(device == Output ? _outputSource() : device, format, fragment);

    /// <summary>The source that <see cref="Output"/> stands for; throws <see cref="AudioSourceException"/> when there is none.</summary>
    public string OutputSource() => _outputSource();
}
