using NAudio.Wave;

namespace MirrorSense.Capture.Tests;

/// <summary>Deterministic test signals and the files that carry them, written with NAudio's own writer.</summary>
internal static class TestAudio
{
    /// <summary>A sine of <paramref name="hz"/> at amplitude 0.5.</summary>
    public static float[] Sine(double hz, int sampleRate, double seconds, double phase = 0) =>
        [.. Enumerable.Range(0, (int)Math.Round(seconds * sampleRate)).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * hz * i / sampleRate + phase)))];

    /// <summary>A 0, 1, 2, … ramp scaled into 16-bit range, so every sample can be told apart and found again.</summary>
    public static float[] Ramp(int count) => [.. Enumerable.Range(0, count).Select(i => (i % 30000) / 32768f)];

    public static string WritePcm16(string path, int sampleRate, params float[][] channels)
    {
        // Scaled by 32768 and rounded, the inverse of how readers (and Praat) scale 16-bit samples; NAudio's
        // WriteSample(float) scales by 32767 and truncates, which would not round-trip.
        var interleaved = new short[channels[0].Length * channels.Length];
        for (var i = 0; i < channels[0].Length; i++)
            for (var c = 0; c < channels.Length; c++)
                interleaved[i * channels.Length + c] = (short)Math.Clamp(Math.Round(channels[c][i] * 32768.0), short.MinValue, short.MaxValue);
        using var writer = new WaveFileWriter(path, new WaveFormat(sampleRate, 16, channels.Length));
        writer.WriteSamples(interleaved, 0, interleaved.Length);
        return path;
    }

    public static float[] ReadAll(IAudioSource source)
    {
        var all = new List<float>();
        var buffer = new float[4096 * source.Format.Channels];
        int count;
        while ((count = source.Read(buffer)) > 0)
            all.AddRange(buffer.AsSpan(0, count));
        return [.. all];
    }

}
