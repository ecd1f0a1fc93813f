using System.Runtime.Versioning;
using NAudio.Wave;

namespace MirrorSense.Capture.Windows;

/// <summary>Windows' recording devices as WinMM (WaveIn) numbers them; the product names are what <see cref="WaveInMicrophone.Open"/> takes.</summary>
[SupportedOSPlatform("windows")]
public sealed class WaveInDeviceCatalog : IAudioDeviceCatalog
{
    public string System => "Windows";

    public AudioDeviceList List()
    {
        var count = WaveIn.DeviceCount;
        return new AudioDeviceList([.. Enumerable.Range(0, count).Select(i => new AudioDevice(WaveIn.GetCapabilities(i).ProductName, "WaveIn", "", IsMonitor: false))]);
    }
}
