using System.Globalization;
using MirrorSense.Testing;
using NAudio.Wave;
using Xunit.Abstractions;

namespace MirrorSense.Cli.Tests;

public sealed class ProsodyCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-prosody-");

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public void Should_give_Praats_frames_for_test_A()
    {
        // Given test-A and Praat 6.3.07's "To Pitch: 0, 75, 600" frames for it
        var wav = ReferenceData.Require("speech", "test-A.wav");
        var praat = File.ReadLines(ReferenceData.Require("speech", "test-A.praat-pitch.tsv")).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(f => (Time: Parse(f[0]), F0: f[1].Trim() == "--undefined--" ? double.NaN : Parse(f[1])))
            .ToArray();

        // When the CLI analyses it
        var run = Prosody(wav);

        // Then every frame sits at Praat's time, voicing agrees on ≥ 95 % and f0 differs by ≤ 1 Hz (median)
        Assert.Equal(0, run.ExitCode);
        var frames = Frames();
        Assert.Equal(praat.Length, frames.Length);
        var agree = 0;
        var differences = new List<double>();
        for (var i = 0; i < frames.Length; i++)
        {
            Assert.True(Math.Abs(frames[i].Time - praat[i].Time) < 1e-6, $"frame {i}: {frames[i].Time} vs Praat {praat[i].Time}");
            if (double.IsNaN(praat[i].F0) == !frames[i].Voiced)
                agree++;
            if (frames[i].Voiced && !double.IsNaN(praat[i].F0))
                differences.Add(Math.Abs(frames[i].F0 - praat[i].F0));
        }
        differences.Sort();
        var agreement = (double)agree / frames.Length;
        var median = differences[differences.Count / 2];
        output.WriteLine($"{frames.Length} frames, voicing agreement {agreement:P2}, median |Δf0| {median:0.0000} Hz, max |Δf0| {differences[^1]:0.0000} Hz");
        Assert.True(agreement >= 0.95, $"voicing agreement {agreement:P2}");
        Assert.True(median <= 1.0, $"median |Δf0| {median} Hz");
    }

    [SkippableFact]
    public void Should_describe_each_inter_pausal_unit()
    {
        // Given test-A, which has pauses between utterances
        var wav = ReferenceData.Require("speech", "test-A.wav");

        // When the CLI is asked for units too
        var units = _folder.Combine("units.csv");
        var run = Prosody(wav, "--units", units);

        // Then each unit row has its span, pitch re the speaker's median, intensity and syllable rate
        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(units);
        Assert.Equal("start_s,end_s,duration_s,mean_pitch_st,mean_intensity_db,syllables,syllable_rate_per_s", lines[0]);
        Assert.True(lines.Length > 5, $"only {lines.Length - 1} units");
        foreach (var row in lines.Skip(1).Select(l => l.Split(',')))
        {
            Assert.True(Parse(row[1]) >= Parse(row[0]));
            Assert.Equal(Parse(row[1]) - Parse(row[0]), Parse(row[2]), 5);
            if (row[3].Length > 0)
                Assert.InRange(Parse(row[3]), -24, 24); // within two octaves of the median
            Assert.InRange(Parse(row[6]), 0, 12);       // humans say at most ~10 syllables per second
        }
    }

    [SkippableFact]
    public void Should_analyse_the_audio_track_of_a_video()
    {
        // Given a video whose soundtrack is a 200 Hz buzz (a pulse train, voice-like)
        var video = _folder.Combine("clip.mp4");
        ExternalTool.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=2",
            "-f", "lavfi", "-i", "aevalsrc='0.4*sin(2*PI*200*t)+0.2*sin(2*PI*400*t)':s=16000:d=2", "-c:v", "mpeg4", "-c:a", "pcm_s16le", "-shortest", _folder.Combine("clip.mkv"));
        ExternalTool.Run("ffmpeg", "-v", "error", "-i", _folder.Combine("clip.mkv"), "-c:v", "copy", "-c:a", "aac", "-b:a", "128k", video);

        // When the CLI analyses the video file
        var run = Prosody(video);

        // Then the track's frames are voiced at 200 Hz
        Assert.Equal(0, run.ExitCode);
        var voiced = Frames().Where(f => f.Voiced).ToArray();
        Assert.True(voiced.Length > 150, $"{voiced.Length} voiced frames");
        Assert.InRange(voiced.Select(f => f.F0).Order().ElementAt(voiced.Length / 2), 198, 202);
    }

    [Fact]
    public void Should_write_valid_frames_and_warn_when_the_recording_is_silent()
    {
        // Given two seconds of digital silence
        var silent = WriteWav("silence.wav", 16000, new float[32000]);

        // When it is analysed
        var run = Prosody(silent);

        // Then the CSV has every frame, none voiced, and a warning says why
        Assert.Equal(0, run.ExitCode);
        var frames = Frames();
        Assert.Equal(197, frames.Length); // Praat: floor((2 − 0.04) / 0.01) + 1
        Assert.All(frames, f => Assert.False(f.Voiced));
        Assert.Contains("warning:", run.Error);
        Assert.Contains("silent", run.Error);
    }

    [Fact]
    public void Should_name_the_file_when_its_header_is_truncated()
    {
        var whole = File.ReadAllBytes(WriteWav("whole.wav", 16000, new float[1000]));
        var path = _folder.Combine("truncated.wav");
        File.WriteAllBytes(path, whole[..30]);

        var run = Prosody(path);

        AssertFailedCleanly(run, "truncated.wav");
    }

    [Fact]
    public void Should_name_the_file_when_its_header_is_corrupt()
    {
        // Given a file that starts as RIFF/WAVE but has garbage where the format chunk should be
        var path = _folder.Combine("corrupt.wav");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes("RIFF\x24\x08\0\0WAVEfmt \xff\xff\xff\x7fgarbage garbage garbage garbage"));

        // When it is analysed
        var run = Prosody(path);

        // Then the run fails with a message naming the file and its damaged header, not a stack trace
        AssertFailedCleanly(run, "corrupt.wav");
        Assert.Contains("header", run.Error);
    }

    [Fact]
    public void Should_name_a_file_that_is_not_a_wav_at_all()
    {
        // Given a text file with a .wav name
        var path = _folder.Write("notes.wav", "minutes of the meeting, not a recording\n");

        // When it is analysed, Then the run fails naming the file
        var run = Prosody(path);
        AssertFailedCleanly(run, "notes.wav");
        Assert.Contains("not a readable WAV file", run.Error);
    }

    [Fact]
    public void Should_name_an_unsupported_encoding()
    {
        var path = _folder.Combine("mulaw.wav");
        using (var writer = new WaveFileWriter(path, WaveFormat.CreateMuLawFormat(8000, 1)))
            writer.Write(new byte[8000], 0, 8000);

        var run = Prosody(path);

        AssertFailedCleanly(run, "mulaw.wav");
        Assert.Contains("unsupported encoding", run.Error);
    }

    [Fact]
    public void Should_refuse_a_zero_length_file()
    {
        var run = Prosody(_folder.Write("empty.wav", ""));

        AssertFailedCleanly(run, "empty.wav");
        Assert.Contains("empty", run.Error);
    }

    [Fact]
    public void Should_refuse_a_sample_rate_below_8_kHz()
    {
        var run = Prosody(WriteWav("low.wav", 6000, new float[6000]));

        AssertFailedCleanly(run, "low.wav");
        Assert.Contains("6000 Hz", run.Error);
    }

    [Fact]
    public void Should_call_a_ceiling_below_the_floor_a_usage_error()
    {
        var run = Prosody(WriteWav("any.wav", 16000, new float[16000]), "--floor", "300", "--ceiling", "200");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ceiling", run.Error);
    }

    [Fact]
    public void Should_list_microphones_under_their_own_heading()
    {
        var run = MirrorSenseProcess.Run("devices");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Microphones", run.Output);
    }

    private ProcessOutcome Prosody(string audio, params string[] extra) =>
        MirrorSenseProcess.Run(["prosody", audio, "--out", _folder.Combine("prosody.csv"), .. extra]);

    private (double Time, double F0, bool Voiced)[] Frames()
    {
        var lines = File.ReadAllLines(_folder.Combine("prosody.csv"));
        Assert.Equal("time_s,f0_hz,intensity_db,voiced", lines[0]);
        return [.. lines.Skip(1).Select(l => l.Split(',')).Select(f => (Parse(f[0]), f[1].Length == 0 ? double.NaN : Parse(f[1]), f[3] == "1"))];
    }

    private string WriteWav(string name, int rate, float[] samples)
    {
        var path = _folder.Combine(name);
        using var writer = new WaveFileWriter(path, new WaveFormat(rate, 16, 1));
        writer.WriteSamples(samples.Select(s => (short)Math.Round(s * 32767)).ToArray(), 0, samples.Length);
        return path;
    }

    private static void AssertFailedCleanly(ProcessOutcome run, string file)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(file, run.Error);
        Assert.DoesNotContain("   at ", run.Error); // a user's bad file is no crash
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
