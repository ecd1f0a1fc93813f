using MirrorSense.Core;
using MirrorSense.Testing;
using MirrorSense.Capture.Alsa;
using MirrorSense.Capture.PulseAudio;
using Xunit.Abstractions;

namespace MirrorSense.Capture.Tests;

public sealed class MicrophonesTests(VirtualMicrophone pulse, ITestOutputHelper output) : IClassFixture<VirtualMicrophone>
{
    private static readonly AudioFormat Speech = new(16000, 1);

    public sealed class Detect(VirtualMicrophone pulse, ITestOutputHelper output) : IClassFixture<VirtualMicrophone>
    {
        [SkippableFact]
        public void Should_use_pulseaudio_when_its_server_answers()
        {
            // Given the test's PulseAudio daemon
            pulse.SkipIfUnavailable();

            // When the microphones are detected and the virtual one opened
            var microphones = Microphones.Detect(pulse.Server);
            using var microphone = microphones.Open(VirtualMicrophone.Microphone, Speech, TimeSpan.FromMilliseconds(20));

            // Then PulseAudio lists and opens it
            Assert.Equal("PulseAudio", microphones.System);
            Assert.Contains(microphones.Devices.Devices, d => d.Name == VirtualMicrophone.Microphone);
            Assert.IsType<PulseAudioMicrophone>(microphone);
        }

        [SkippableFact]
        public void Should_open_what_the_computer_plays_as_the_monitor_of_the_default_output()
        {
            // Given the test's PulseAudio daemon, whose one output (the default) is the null sink, and a tone played into it
            pulse.SkipIfUnavailable();
            using var folder = new MirrorSense.Testing.TempFolder("mirrorsense-output-");
            var tone = TestAudio.WritePcm16(folder.Combine("tone.wav"), 16000, TestAudio.Sine(220, 16000, 10));
            var microphones = Microphones.Detect(pulse.Server);

            // When "output" is opened
            using var microphone = microphones.Open(Microphones.Output, Speech, TimeSpan.FromMilliseconds(20));
            using var player = pulse.Start("paplay", "-d", VirtualMicrophone.Sink, tone);

            // Then it is the sink's monitor, and it hears the tone
            Assert.Equal(VirtualMicrophone.Sink + ".monitor", microphones.OutputSource());
            Assert.Equal(VirtualMicrophone.Sink + ".monitor", Assert.IsType<PulseAudioMicrophone>(microphone).Name);
            var heard = Task.Run(() => microphone.ReadBlocks(TimeSpan.FromMilliseconds(100)).Take(100).Any(b => b.Samples.ToArray().Max(Math.Abs) > 0.1f));
            Assert.True(heard.Wait(TimeSpan.FromSeconds(20)) && heard.Result, "the monitor of the default output did not hear what was played");
        }

        [Fact]
        public void Should_say_that_what_the_computer_plays_needs_pulseaudio_when_no_server_answers()
        {
            // Given a PulseAudio address where nothing listens
            var microphones = Microphones.Detect($"unix:{Path.Combine(Path.GetTempPath(), $"mirrorsense-no-pulse-{Guid.NewGuid():N}")}");

            // When "output" is opened
            var error = Assert.Throws<AudioSourceException>(() => microphones.Open(Microphones.Output, Speech, TimeSpan.FromMilliseconds(50)));

            // Then the message names it and says PulseAudio is needed and not running
            output.WriteLine(error.Message);
            Assert.Equal(Microphones.Output, error.SourceName);
            Assert.Contains("monitor of the default output", error.Message);
            Assert.Contains("PulseAudio is not reachable", error.Message);
        }

        [Fact]
        public void Should_fall_back_to_alsa_and_say_why_when_no_pulseaudio_server_answers()
        {
            // Given a PulseAudio address where nothing listens
            var nowhere = $"unix:{Path.Combine(Path.GetTempPath(), $"mirrorsense-no-pulse-{Guid.NewGuid():N}")}";

            // When the microphones are detected
            var microphones = Microphones.Detect(nowhere);
            output.WriteLine(microphones.System);

            // Then ALSA's devices are listed and opened, and an absent one is refused with the list
            Assert.StartsWith("ALSA, since PulseAudio is not reachable", microphones.System);
            Assert.Contains(microphones.Devices.Devices, d => d.Name == "null");
            using (var microphone = microphones.Open("null", Speech, TimeSpan.FromMilliseconds(50)))
                Assert.IsType<AlsaMicrophone>(microphone);
            var error = Assert.Throws<AudioSourceException>(() => microphones.Open("no_such_mic", Speech, TimeSpan.FromMilliseconds(50)));
            Assert.Contains("no_such_mic", error.Message);
            Assert.Contains("available: null", error.Message);
        }
    }

    [SkippableFact]
    public void Should_end_with_an_error_naming_the_microphone_and_keep_what_came_before_when_the_audio_server_dies()
    {
        // Given the virtual microphone capturing a tone played into it, in 100 ms blocks
        pulse.SkipIfUnavailable();
        using var folder = new MirrorSense.Testing.TempFolder("mirrorsense-vanish-");
        var tone = TestAudio.WritePcm16(folder.Combine("tone.wav"), 16000, TestAudio.Sine(220, 16000, 20));
        using var microphone = Microphones.Detect(pulse.Server).Open(VirtualMicrophone.Microphone, Speech, TimeSpan.FromMilliseconds(20));
        using var player = pulse.Start("paplay", "-d", VirtualMicrophone.Sink, tone);
        var blocks = new List<AudioBlock>();
        using var enough = new SemaphoreSlim(0);
        var capture = Task.Run(() =>
        {
            foreach (var block in microphone.ReadBlocks(TimeSpan.FromMilliseconds(100)))
            {
                lock (blocks)
                    blocks.Add(block);
                if (blocks.Count == 10)
                    enough.Release();
            }
        });
        Assert.True(enough.Wait(TimeSpan.FromSeconds(20)), "the virtual microphone did not deliver 1 s of audio");

        // When the audio server goes away mid-capture
        pulse.Run("pulseaudio", "--kill");

        // Then the stream ends with an error naming the microphone, after every block captured before
        var error = Assert.ThrowsAsync<AudioSourceException>(() => capture).GetAwaiter().GetResult();
        output.WriteLine(error.Message);
        Assert.Equal(VirtualMicrophone.Microphone, error.SourceName);
        Assert.Contains("stopped delivering audio", error.Message);
        lock (blocks)
        {
            Assert.True(blocks.Count >= 10);
            // Blocks are contiguous on the media clock, and the tone did arrive.
            for (var i = 1; i < blocks.Count; i++)
                Assert.Equal(blocks[i - 1].Start.Microseconds + (long)blocks[i - 1].Duration.TotalMicroseconds, blocks[i].Start.Microseconds);
            Assert.Contains(blocks, b => b.Samples.ToArray().Max(Math.Abs) > 0.1f);
        }
    }
}
