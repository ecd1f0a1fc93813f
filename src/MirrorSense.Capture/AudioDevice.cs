namespace MirrorSense.Capture;

/// <summary>
/// An audio input the system offers: its name (what <c>--mic</c> takes), what it is, and whether it only
/// monitors an output (a loopback of what is played, such as a virtual microphone's sink) rather than capturing.
/// </summary>
public sealed record AudioDevice(string Name, string Driver, string Format, bool IsMonitor);

/// <summary>Lists the audio inputs of one audio system.</summary>
public interface IAudioDeviceCatalog
{
    /// <summary>What system this is (for messages), e.g. "PulseAudio".</summary>
    string System { get; }

    /// <summary>The inputs; empty when the system is not running, with the reason in <see cref="AudioDeviceList.Problem"/>.</summary>
    AudioDeviceList List();
}

/// <summary>The inputs found, or why none could be listed.</summary>
public sealed record AudioDeviceList(IReadOnlyList<AudioDevice> Devices, string? Problem = null)
{
    public string Describe() =>
        Problem is not null ? Problem
        : Devices.Count == 0 ? "no audio inputs are present"
        : "available: " + string.Join(", ", Devices.Select(d => d.Name));
}
