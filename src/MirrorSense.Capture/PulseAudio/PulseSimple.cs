using System.Runtime.InteropServices;

namespace MirrorSense.Capture.PulseAudio;

/// <summary>The few calls of PulseAudio's simple API that recording needs (libpulse-simple.so.0, Debian pulseaudio-utils' dependency).</summary>
internal static partial class PulseSimple
{
    private const string Simple = "libpulse-simple.so.0";
    private const string Pulse = "libpulse.so.0";

    public const int StreamRecord = 2;        // PA_STREAM_RECORD
    public const int SampleFloat32Le = 5;     // PA_SAMPLE_FLOAT32LE

    [StructLayout(LayoutKind.Sequential)]
    public struct SampleSpec
    {
        public int Format;
        public uint Rate;
        public byte Channels;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct BufferAttributes
    {
        public uint MaxLength;
        public uint TargetLength;
        public uint PreBuffering;
        public uint MinimumRequest;
        public uint FragmentSize;
    }

    [LibraryImport(Simple, EntryPoint = "pa_simple_new", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr New(string? server, string name, int direction, string? device, string streamName,
        in SampleSpec spec, IntPtr channelMap, in BufferAttributes attributes, out int error);

    [LibraryImport(Simple, EntryPoint = "pa_simple_read")]
    public static unsafe partial int Read(IntPtr stream, void* data, nuint bytes, out int error);

    [LibraryImport(Simple, EntryPoint = "pa_simple_free")]
    public static partial void Free(IntPtr stream);

    [LibraryImport(Pulse, EntryPoint = "pa_strerror")]
    private static partial IntPtr StrError(int error);

    public static string Describe(int error) => Marshal.PtrToStringUTF8(StrError(error)) ?? $"PulseAudio error {error}";
}
