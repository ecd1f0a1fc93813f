using Microsoft.Extensions.Time.Testing;
using MirrorSense.Capture.Recording;
using MirrorSense.Core;
using MirrorSense.Testing;

namespace MirrorSense.Capture.Tests.Recording;

public sealed class MicrophoneRecordingTests : IDisposable
{
    private static readonly AudioFormat Mono16k = new(16000, 1);
    private readonly TempFolder _folder = new("mirrorsense-wav-recording-");
    private readonly FakeTimeProvider _clock = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_leave_a_valid_WAV_of_all_but_the_last_second_when_the_recorder_is_abandoned()
    {
        // Given 2.5 s of a ramp written in 100 ms blocks, one block per 100 ms of clock, and no dispose (as after kill -9)
        var path = _folder.Combine("voice_a.wav");
        var recording = new MicrophoneRecording(path, Mono16k, _clock);
        var written = new List<float>();
        for (var b = 0; b < 25; b++)
        {
            var samples = Enumerable.Range(0, 1600).Select(i => (float)(((b * 1600 + i) % 2000) - 1000) / 32768f).ToArray();
            written.AddRange(samples);
            recording.Write(new AudioBlock(MediaTime.FromSeconds(b * 0.1), Mono16k, samples));
            _clock.Advance(TimeSpan.FromSeconds(0.1));
        }

        // When another reader opens the file while the recorder still holds it
        float[] read;
        using (var source = AudioFile.Open(path))
            read = TestAudio.ReadAll(source);

        // Then its header is valid and covers at least the first 1.5 s, sample for sample
        Assert.InRange(read.Length, 24_000, written.Count);
        Assert.Equal(written.Take(read.Length), read);
        recording.Dispose();
    }

    [Fact]
    public void Should_hold_every_sample_after_a_clean_stop()
    {
        // Given 0.3 s of stereo written and the recording closed
        var stereo = new AudioFormat(8000, 2);
        var path = _folder.Combine("voices.wav");
        var samples = Enumerable.Range(0, 4800).Select(i => (i % 200 - 100) / 128f).ToArray();
        using (var recording = new MicrophoneRecording(path, stereo, _clock))
        {
            recording.Write(new AudioBlock(MediaTime.Zero, stereo, samples));
            Assert.Equal(2400, recording.FramesWritten);
        }

        // Then it reads back whole, in its format
        using var source = AudioFile.Open(path);
        Assert.Equal(stereo, source.Format);
        Assert.Equal(samples, TestAudio.ReadAll(source));
    }

    [Fact]
    public void Should_refuse_a_block_of_another_format_and_never_overwrite_a_file()
    {
        // Given a 16 kHz mono recording
        var path = _folder.Combine("voice_b.wav");
        using var recording = new MicrophoneRecording(path, Mono16k, _clock);

        // Then a 48 kHz block is refused, and a second recording into the same file too
        Assert.Throws<ArgumentException>(() => recording.Write(new AudioBlock(MediaTime.Zero, new AudioFormat(48000, 1), new float[480])));
        Assert.Throws<IOException>(() => new MicrophoneRecording(path, Mono16k, _clock));
    }
}
