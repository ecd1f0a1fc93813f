namespace MirrorSense.Capture.Alsa;

/// <summary>
/// ALSA's capture-capable PCM devices (<c>arecord -L</c>): every device hint of interface "pcm" whose direction is
/// input or both. Used on Linux when PulseAudio is not running. Names are what <see cref="AlsaMicrophone.Open"/> takes.
/// </summary>
public sealed class AlsaDeviceCatalog : IAudioDeviceCatalog
{
    public string System => "ALSA";

    public AudioDeviceList List()
    {
        IntPtr hints;
        int result;
        try
        {
            result = AlsaNative.NameHint(-1, "pcm", out hints);
        }
        catch (DllNotFoundException)
        {
            return new AudioDeviceList([], "ALSA's library (libasound.so.2, Debian package libasound2) is not installed");
        }
        if (result < 0)
            return new AudioDeviceList([], $"ALSA cannot list its devices ({AlsaNative.Describe(result)})");
        try
        {
            var devices = new List<AudioDevice>();
            for (var hint = hints; ReadPointer(hint) is var entry && entry != IntPtr.Zero; hint += IntPtr.Size)
            {
                var name = AlsaNative.TakeString(AlsaNative.GetHint(entry, "NAME"));
                var description = AlsaNative.TakeString(AlsaNative.GetHint(entry, "DESC"));
                var direction = AlsaNative.TakeString(AlsaNative.GetHint(entry, "IOID"));
                // No IOID means the device does both directions.
                if (name is null || direction == "Output")
                    continue;
                devices.Add(new AudioDevice(name, FirstLine(description), "", IsMonitor: false));
            }
            return new AudioDeviceList(devices);
        }
        finally
        {
            AlsaNative.FreeHint(hints);
        }
    }

    private static unsafe IntPtr ReadPointer(IntPtr at) => *(IntPtr*)at;

    private static string FirstLine(string? text) =>
        text?.Split('\n', StringSplitOptions.TrimEntries)[0] ?? "";
}
