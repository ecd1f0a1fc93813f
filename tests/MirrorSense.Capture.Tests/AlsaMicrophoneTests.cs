using System.Runtime.InteropServices;
using MirrorSense.Capture.Alsa;
using MirrorSense.Core;
using MirrorSense.Testing;
using Xunit.Abstractions;

namespace MirrorSense.Capture.Tests;

/// <summary>
/// ALSA capture without a sound card: ALSA's own <c>null</c> device, and a microphone defined in a configuration file
/// of the test's (ALSA's <c>file</c> plugin reading a known recording as its capture input), found through
/// ALSA_CONFIG_PATH. The methods of one class run one after another, so the environment change stays in this class.
/// </summary>
public sealed partial class AlsaMicrophoneTests(ITestOutputHelper output)
{
    private static readonly AudioFormat Speech = new(16000, 1);

    [Fact]
    public void Should_list_the_capture_devices_alsa_defines_even_without_a_sound_card()
    {
        // Given ALSA's stock configuration, When its PCM devices are listed
        var list = new AlsaDeviceCatalog().List();

        // Then the listing works and includes the null device, which every configuration defines
        output.WriteLine(string.Join(", ", list.Devices.Select(d => $"{d.Name} ({d.Driver})")));
        Assert.Null(list.Problem);
        Assert.Contains(list.Devices, d => d.Name == "null");
    }

    [Fact]
    public void Should_name_an_absent_device_and_list_the_ones_that_exist()
    {
        // Given no ALSA device called no_such_alsa_mic, When it is opened
        var error = Assert.Throws<AudioSourceException>(() => AlsaMicrophone.Open("no_such_alsa_mic", Speech, TimeSpan.FromMilliseconds(100)));

        // Then the message names it, says ALSA could not open it and lists what exists
        output.WriteLine(error.Message);
        Assert.StartsWith("no_such_alsa_mic: cannot open this ALSA capture device", error.Message);
        Assert.Contains("available:", error.Message);
        Assert.Contains("null", error.Message);
    }

    [Fact]
    public void Should_capture_silence_from_the_null_device()
    {
        // Given ALSA's null device opened for capture
        using var microphone = AlsaMicrophone.Open("null", Speech, TimeSpan.FromMilliseconds(100));

        // When 0.1 s is read
        var block = new float[1600];
        var count = microphone.Read(block);

        // Then it all arrives, as zeros
        Assert.Equal(1600, count);
        Assert.All(block, s => Assert.Equal(0f, s));
    }

    [Fact]
    public void Should_deliver_exactly_what_a_configured_capture_device_records()
    {
        // Given an ALSA configuration (the stock one plus ours) with a device whose capture input is a known 220 Hz tone
        using var folder = new TempFolder("mirrorsense-alsa-");
        var tone = TestAudio.Sine(220, 16000, 1.0);
        var recording = folder.Combine("tone.f32");
        File.WriteAllBytes(recording, MemoryMarshal.AsBytes(tone.AsSpan()).ToArray());
        var config = folder.Write("asound.conf", $$"""
            pcm.mirrorsense_test_mic {
                type file
                slave.pcm "null"
                file "/dev/null"
                infile "{{recording}}"
                format "raw"
            }
            """);
        SetEnvironment("ALSA_CONFIG_PATH", $"/usr/share/alsa/alsa.conf:{config}");
        try
        {
            // When the device is opened and half a second read in blocks
            using var microphone = AlsaMicrophone.Open("mirrorsense_test_mic", Speech, TimeSpan.FromMilliseconds(100));
            var captured = new List<float>();
            foreach (var block in microphone.ReadBlocks(TimeSpan.FromMilliseconds(100)))
            {
                captured.AddRange(block.Samples.Span);
                if (captured.Count >= 8000)
                    break;
            }

            // Then the samples are the recording's, in order
            Assert.Equal(tone.Take(8000), captured.Take(8000));
            Assert.Equal(0, microphone.Overruns);
        }
        finally
        {
            SetEnvironment("ALSA_CONFIG_PATH", null);
        }
    }

    // libasound reads the process environment (getenv), which .NET's Environment.SetEnvironmentVariable does not change.
    private static void SetEnvironment(string name, string? value) =>
        Assert.Equal(0, value is null ? UnsetEnv(name) : SetEnv(name, value, 1));

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnsetEnv(string name);
}
