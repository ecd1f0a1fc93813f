using System.Runtime.InteropServices;

namespace MirrorSense.Capture.Alsa;

/// <summary>The few calls of ALSA's PCM and device-hint API that capture and listing need (libasound.so.2, Debian libasound2).</summary>
internal static unsafe partial class AlsaNative
{
    private const string Library = "libasound.so.2";

    public const int StreamCapture = 1;            // SND_PCM_STREAM_CAPTURE
    public const int FormatS16Le = 2;              // SND_PCM_FORMAT_S16_LE
    public const int FormatFloatLe = 14;           // SND_PCM_FORMAT_FLOAT_LE
    public const int AccessReadWriteInterleaved = 3; // SND_PCM_ACCESS_RW_INTERLEAVED

    // Negative errno values ALSA returns.
    public const int NoDevice = -19;               // -ENODEV: the device was unplugged
    public const int BrokenPipe = -32;             // -EPIPE: overrun (xrun)
    public const int Suspended = -86;              // -ESTRPIPE: the system suspended the stream

    [LibraryImport(Library, EntryPoint = "snd_pcm_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(out IntPtr pcm, string name, int stream, int mode);

    [LibraryImport(Library, EntryPoint = "snd_pcm_set_params")]
    public static partial int SetParameters(IntPtr pcm, int format, int access, uint channels, uint rate, int softResample, uint latencyMicroseconds);

    [LibraryImport(Library, EntryPoint = "snd_pcm_readi")]
    public static partial nint ReadInterleaved(IntPtr pcm, void* buffer, nuint frames);

    [LibraryImport(Library, EntryPoint = "snd_pcm_recover")]
    public static partial int Recover(IntPtr pcm, int error, int silent);

    [LibraryImport(Library, EntryPoint = "snd_pcm_close")]
    public static partial int Close(IntPtr pcm);

    [LibraryImport(Library, EntryPoint = "snd_strerror")]
    private static partial IntPtr StrError(int error);

    [LibraryImport(Library, EntryPoint = "snd_device_name_hint", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int NameHint(int card, string iface, out IntPtr hints);

    [LibraryImport(Library, EntryPoint = "snd_device_name_get_hint", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr GetHint(IntPtr hint, string id);

    [LibraryImport(Library, EntryPoint = "snd_device_name_free_hint")]
    public static partial int FreeHint(IntPtr hints);

    public static string Describe(int error) => Marshal.PtrToStringUTF8(StrError(error)) ?? $"ALSA error {error}";

    /// <summary>Reads and frees a string that ALSA allocated with malloc (null stays null).</summary>
    public static string? TakeString(IntPtr text)
    {
        if (text == IntPtr.Zero)
            return null;
        try
        {
            return Marshal.PtrToStringUTF8(text);
        }
        finally
        {
            NativeMemory.Free((void*)text);
        }
    }
}
