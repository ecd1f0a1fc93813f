using MirrorSense.Core;
using MirrorSense.Testing;

namespace MirrorSense.Capture.Tests;

public sealed class CompressedAndVideoSourceTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-capture-");

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public void Should_decode_an_MP3_with_NLayer_to_its_duration()
    {
        // Given two seconds of a tone as MP3 (made by ffmpeg)
        var path = _folder.Combine("tone.mp3");
        ExternalTool.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=220:sample_rate=16000:duration=2", "-c:a", "libmp3lame", "-b:a", "64k", path);

        // When it is opened
        using var source = AudioFile.Open(path);
        var samples = TestAudio.ReadAll(source);

        // Then NLayer decodes about two seconds at the file's rate (MP3 adds encoder padding)
        Assert.IsType<Mp3FileSource>(source);
        Assert.Equal(16000, source.Format.SampleRate);
        Assert.InRange(samples.Length / (double)source.Format.Channels / source.Format.SampleRate, 1.95, 2.2);
        Assert.Contains(samples, s => Math.Abs(s) > 0.05);
    }

    [SkippableFact]
    public void Should_stream_the_audio_track_of_a_video_through_ffmpeg()
    {
        // Given a three-second video with a stereo 48 kHz audio track
        var path = _folder.Combine("clip.mp4");
        ExternalTool.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=3",
            "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=48000:duration=3", "-ac", "2", "-c:v", "mpeg4", "-c:a", "aac", "-shortest", path);

        // When it is opened
        using var source = AudioFile.Open(path);
        var samples = TestAudio.ReadAll(source);

        // Then the track's own format is kept and about three seconds arrive
        Assert.IsType<FfmpegAudioSource>(source);
        Assert.Equal(new AudioFormat(48000, 2), source.Format);
        Assert.InRange(samples.Length / 2 / 48000.0, 2.9, 3.1);
    }

    [SkippableFact]
    public void Should_say_when_a_video_has_no_audio_track()
    {
        // Given a video without sound
        var path = _folder.Combine("silent-film.mp4");
        ExternalTool.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1", "-c:v", "mpeg4", path);

        // When it is opened
        var error = Assert.Throws<AudioSourceException>(() => AudioFile.Open(path));

        // Then the message names the file and the reason
        Assert.Contains("silent-film.mp4", error.Message);
        Assert.Contains("no audio track", error.Message);
    }

    [SkippableFact]
    public void Should_report_ffmpegs_own_message_when_it_cannot_decode()
    {
        // Given a file ffmpeg cannot make sense of
        var path = _folder.Write("noise.mkv", "this is not a matroska file at all");

        // When it is opened
        var error = Assert.Throws<AudioSourceException>(() => AudioFile.Open(path));

        // Then the message names the file
        Assert.Contains("noise.mkv", error.Message);
    }
}
