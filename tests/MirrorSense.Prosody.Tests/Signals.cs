namespace MirrorSense.Prosody.Tests;

/// <summary>Deterministic synthetic sounds with known f0 and level.</summary>
internal static class Signals
{
    public const int Rate = 16000;

    public static float[] Tone(double frequencyHz, double seconds, double amplitude = 0.5, int rate = Rate) =>
        Harmonics(frequencyHz, seconds, [amplitude], rate);

    /// <summary>Sum of harmonics k·f0 (k = 1, 2, …) with the given amplitudes; a 0 amplitude leaves a harmonic out.</summary>
    public static float[] Harmonics(double f0, double seconds, double[] amplitudes, int rate = Rate)
    {
        var samples = new float[(int)Math.Round(seconds * rate)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / (double)rate;
            var value = 0.0;
            for (var k = 0; k < amplitudes.Length; k++)
                value += amplitudes[k] * Math.Sin(2 * Math.PI * (k + 1) * f0 * t);
            samples[i] = (float)value;
        }
        return samples;
    }

    /// <summary>A glide from <paramref name="fromHz"/> to <paramref name="toHz"/>, with a few harmonics, as in intonation.</summary>
    public static float[] Glide(double fromHz, double toHz, double seconds, int rate = Rate)
    {
        var samples = new float[(int)Math.Round(seconds * rate)];
        var phase = 0.0;
        for (var i = 0; i < samples.Length; i++)
        {
            var f = fromHz + (toHz - fromHz) * i / samples.Length;
            phase += 2 * Math.PI * f / rate;
            samples[i] = (float)(0.4 * Math.Sin(phase) + 0.2 * Math.Sin(2 * phase) + 0.1 * Math.Sin(3 * phase));
        }
        return samples;
    }

    public static float[] Silence(double seconds, int rate = Rate) => new float[(int)Math.Round(seconds * rate)];

    /// <summary>Seeded white noise, so failures reproduce.</summary>
    public static float[] Noise(double seconds, double amplitude, int seed, int rate = Rate)
    {
        var random = new Random(seed);
        var samples = new float[(int)Math.Round(seconds * rate)];
        for (var i = 0; i < samples.Length; i++)
            samples[i] = (float)(amplitude * (2 * random.NextDouble() - 1));
        return samples;
    }

    public static float[] Concat(params float[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>Cuts a signal into blocks of pseudo-random sizes (1 to <paramref name="maxBlock"/> samples).</summary>
    public static IEnumerable<(int Start, int Length)> RandomBlocks(int total, int maxBlock, int seed)
    {
        var random = new Random(seed);
        for (var start = 0; start < total;)
        {
            var length = Math.Min(total - start, random.Next(1, maxBlock + 1));
            yield return (start, length);
            start += length;
        }
    }
}
