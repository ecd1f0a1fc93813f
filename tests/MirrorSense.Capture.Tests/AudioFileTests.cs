using System.Text;
using MirrorSense.Core;
using MirrorSense.Testing;
using NAudio.Wave;

namespace MirrorSense.Capture.Tests;

public static class AudioFileTests
{
    public sealed class Open : IDisposable
    {
        private readonly TempFolder _folder = new("mirrorsense-capture-");

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void Should_read_16_bit_PCM_as_Praat_scales_it()
        {
            // Given a 16-bit WAV holding a ramp
            var ramp = TestAudio.Ramp(20_000);
            var path = TestAudio.WritePcm16(_folder.Combine("ramp.wav"), 16000, ramp);

            // When it is read
            using var source = AudioFile.Open(path);
            var samples = TestAudio.ReadAll(source);

            // Then every sample comes back as n / 32768 and the format is the file's
            Assert.Equal(new AudioFormat(16000, 1), source.Format);
            Assert.Equal(ramp, samples);
        }

        [Fact]
        public void Should_read_AIFF_through_NAudio()
        {
            // Given an AIFF file (NAudio's own writer) with a tone
            var tone = TestAudio.Sine(220, 22050, 0.5);
            var path = _folder.Combine("tone.aiff");
            using (var writer = new AiffFileWriter(path, new WaveFormat(22050, 16, 1)))
                foreach (var s in tone)
                    writer.WriteSample(s);

            // When it is opened by extension
            using var source = AudioFile.Open(path);
            var samples = TestAudio.ReadAll(source);

            // Then the samples are the tone's, to 16-bit precision
            Assert.IsType<NAudioFileSource>(source);
            Assert.Equal(tone.Length, samples.Length);
            Assert.All(tone.Zip(samples), pair => Assert.InRange(pair.First - pair.Second, -1e-4f, 1e-4f));
        }

        [Fact]
        public void Should_name_the_file_when_the_WAV_header_is_truncated()
        {
            // Given the first 20 bytes of a WAV file
            var whole = File.ReadAllBytes(TestAudio.WritePcm16(_folder.Combine("whole.wav"), 16000, TestAudio.Ramp(1000)));
            var path = _folder.Combine("truncated.wav");
            File.WriteAllBytes(path, whole[..20]);

            // When it is opened
            var error = Assert.Throws<AudioSourceException>(() => AudioFile.Open(path));

            // Then the message names the file and says the header is damaged
            Assert.Contains("truncated.wav", error.Message);
            Assert.Contains("header", error.Message);
        }

        [Fact]
        public void Should_name_the_file_when_the_WAV_header_is_corrupt()
        {
            // Given a file that starts as RIFF/WAVE but has garbage where the chunks should be
            var path = _folder.Combine("corrupt.wav");
            var bytes = Encoding.ASCII.GetBytes("RIFF\x24\x08\0\0WAVEfmt \xff\xff\xff\x7fgarbage garbage garbage garbage");
            File.WriteAllBytes(path, bytes);

            // When it is opened
            var error = Assert.Throws<AudioSourceException>(() => AudioFile.Open(path));

            // Then the message names the file
            Assert.Contains("corrupt.wav", error.Message);
        }

        [Fact]
        public void Should_say_which_encoding_is_unsupported()
        {
            // Given a valid WAV in µ-law, which has no sample converter here
            var path = _folder.Combine("mulaw.wav");
            using (var writer = new WaveFileWriter(path, WaveFormat.CreateMuLawFormat(8000, 1)))
                writer.Write(new byte[8000], 0, 8000);

            // When it is opened
            var error = Assert.Throws<AudioSourceException>(() => AudioFile.Open(path));

            // Then the message names the file and the encoding, and what is supported
            Assert.Contains("mulaw.wav", error.Message);
            Assert.Contains("unsupported encoding MuLaw", error.Message);
            Assert.Contains("PCM", error.Message);
        }

        [Fact]
        public void Should_refuse_a_zero_length_file()
        {
            // Given an empty file
            var path = _folder.Write("empty.wav", "");

            // When it is opened
            var error = Assert.Throws<AudioSourceException>(() => AudioFile.Open(path));

            // Then the message says so
            Assert.Contains("empty.wav", error.Message);
            Assert.Contains("empty", error.Problem);
        }

        [Fact]
        public void Should_refuse_a_sample_rate_below_8_kHz()
        {
            // Given a well-formed 4 kHz recording
            var path = TestAudio.WritePcm16(_folder.Combine("low.wav"), 4000, TestAudio.Sine(200, 4000, 1));

            // When it is opened
            var error = Assert.Throws<AudioSourceException>(() => AudioFile.Open(path));

            // Then the message gives the file's rate and the minimum
            Assert.Contains("low.wav", error.Message);
            Assert.Contains("4000 Hz", error.Message);
            Assert.Contains("8000 Hz", error.Message);
        }

        [Fact]
        public void Should_name_a_missing_file()
        {
            var error = Assert.Throws<AudioSourceException>(() => AudioFile.Open(_folder.Combine("absent.wav")));

            Assert.Contains("absent.wav", error.Message);
            Assert.Contains("no such file", error.Message);
        }
    }

    public sealed class OpenMono : IDisposable
    {
        private readonly TempFolder _folder = new("mirrorsense-capture-");

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void Should_give_participant_A_the_left_and_B_the_right_channel_of_a_stereo_dyad()
        {
            // Given a stereo file with a different signal on each side
            var left = TestAudio.Sine(200, 16000, 0.25);
            var right = TestAudio.Sine(300, 16000, 0.25);
            var path = TestAudio.WritePcm16(_folder.Combine("dyad.wav"), 16000, left, right);
            var dyad = DyadAudio.FromStereoFile(path);

            // When each participant's signal is opened
            using var a = dyad.Open(Core.Participant.A);
            using var b = dyad.Open(Core.Participant.B);
            var samplesA = TestAudio.ReadAll(a);
            var samplesB = TestAudio.ReadAll(b);

            // Then A hears the left channel and B the right one, each mono
            Assert.Equal(1, a.Format.Channels);
            Assert.All(left.Zip(samplesA), p => Assert.InRange(p.First - p.Second, -1e-4f, 1e-4f));
            Assert.All(right.Zip(samplesB), p => Assert.InRange(p.First - p.Second, -1e-4f, 1e-4f));
        }

        [Fact]
        public void Should_mix_all_channels_into_their_mean()
        {
            // Given a stereo file with opposite signals on the two sides
            var left = TestAudio.Sine(200, 16000, 0.1);
            var right = left.Select(s => -s).ToArray();
            var path = TestAudio.WritePcm16(_folder.Combine("opposite.wav"), 16000, left, right);

            // When it is opened mixed
            using var mixed = AudioFile.OpenMono(path, ChannelSelection.Mix);

            // Then the channels cancel out (to 16-bit rounding)
            Assert.All(TestAudio.ReadAll(mixed), s => Assert.InRange(s, -1e-4f, 1e-4f));
        }

        [Fact]
        public void Should_refuse_the_right_channel_of_a_mono_file_naming_it()
        {
            var path = TestAudio.WritePcm16(_folder.Combine("mono.wav"), 16000, TestAudio.Ramp(100));

            var error = Assert.Throws<AudioSourceException>(() => AudioFile.OpenMono(path, ChannelSelection.Right));

            Assert.Contains("mono.wav", error.Message);
            Assert.Contains("one channel", error.Message);
        }

        [Fact]
        public void Should_resample_to_the_asked_rate_keeping_length_and_pitch()
        {
            // Given one second of a 440 Hz tone at 48 kHz
            var path = TestAudio.WritePcm16(_folder.Combine("tone48k.wav"), 48000, TestAudio.Sine(440, 48000, 1));

            // When it is read at 16 kHz
            using var source = AudioFile.OpenMono(path, sampleRate: 16000);
            var samples = TestAudio.ReadAll(source);

            // Then a third as many samples come out, none NaN, and the tone still crosses zero 880 times a second
            Assert.Equal(16000, source.Format.SampleRate);
            Assert.InRange(samples.Length, 15900, 16100);
            Assert.DoesNotContain(samples, float.IsNaN);
            var crossings = 0;
            for (var i = 1000; i < 15000; i++)
                if (Math.Sign(samples[i - 1]) != Math.Sign(samples[i]) && samples[i] != 0)
                    crossings++;
            Assert.InRange(crossings / (14000 / 16000.0), 870, 890);
        }
    }
}
