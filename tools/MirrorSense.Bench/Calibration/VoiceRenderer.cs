using System.Diagnostics;
using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using MirrorSense.Fixtures;
using MirrorSense.Capture;
using MirrorSense.Core;

namespace MirrorSense.Bench.Calibration;

/// <summary>A turn as placed in the recording.</summary>
internal sealed record PlacedTurn(VoiceTurn Turn, double Start, double End);

/// <summary>A two-channel recording of a designed session: A's microphone and B's, one silent while the other speaks.</summary>
internal sealed record VoiceRecording(float[] A, float[] B, int SampleRate, IReadOnlyList<PlacedTurn> Turns)
{
    public double Seconds => (double)A.Length / SampleRate;
}

/// <summary>
/// Speaks designed sessions with espeak-ng: turns follow each other with short pauses, each on its speaker's channel.
/// Every rendered utterance is kept in <paramref name="cacheFolder"/> under its voice, pitch, speed and text, so a
/// rerun (or a turn spoken alike twice) does not call espeak-ng again.
/// </summary>
internal sealed class VoiceRenderer(string cacheFolder)
{
    private const int SampleRate = 22050;

    public VoiceRecording Render(double seconds, TurnRule rule, Random random, (double Low, double High)? noiseSnrDb)
    {
        var length = (int)(seconds * SampleRate);
        var a = new float[length];
        var b = new float[length];
        var placed = new List<PlacedTurn>();
        var last = new Dictionary<Participant, VoiceDelivery>();
        var speaker = random.Next(2) == 0 ? Participant.A : Participant.B;
        var clock = 0.3 + 0.7 * random.NextDouble();
        while (clock < seconds - 1)
        {
            var partner = speaker == Participant.A ? Participant.B : Participant.A;
            var delivery = rule(speaker, clock / seconds, last.GetValueOrDefault(partner), random);
            var turn = new VoiceTurn(speaker, VoiceTexts.Draw(random), delivery);
            var speech = Speak(turn);
            var first = (int)(clock * SampleRate);
            if (first + speech.Length > length)
                break;
            var channel = speaker == Participant.A ? a : b;
            for (var i = 0; i < speech.Length; i++)
                channel[first + i] = (float)(speech[i] * delivery.Gain);
            var end = clock + (double)speech.Length / SampleRate;
            placed.Add(new PlacedTurn(turn, clock, end));
            last[speaker] = delivery;
            clock = end + 0.25 + 0.95 * random.NextDouble();
            // Mostly the floor changes hands; sometimes a speaker goes on after a pause.
            if (random.NextDouble() < 0.85)
                speaker = partner;
        }

        if (noiseSnrDb is { } snr)
            AddNoise(a, b, snr, random);
        return new VoiceRecording(a, b, SampleRate, placed);
    }

    /// <summary>Each microphone's own hiss at a drawn signal-to-noise ratio, plus a fainter room noise both pick up.</summary>
    private static void AddNoise(float[] a, float[] b, (double Low, double High) snr, Random random)
    {
        double Level(float[] channel, double db)
        {
            var active = channel.Where(s => Math.Abs(s) > 1e-3).Select(s => (double)s * s).DefaultIfEmpty(0).Average();
            return Math.Sqrt(active) * Math.Pow(10, -db / 20);
        }

        var levelA = Level(a, snr.Low + (snr.High - snr.Low) * random.NextDouble());
        var levelB = Level(b, snr.Low + (snr.High - snr.Low) * random.NextDouble());
        var room = 0.3 * Math.Min(levelA, levelB);
        for (var i = 0; i < a.Length; i++)
        {
            var shared = room * Gaussian(random);
            a[i] += (float)(levelA * Gaussian(random) + shared);
            b[i] += (float)(levelB * Gaussian(random) + shared);
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private float[] Speak(VoiceTurn turn)
    {
        var d = turn.Delivery;
        // The voice's own range keeps the key it had before ranges were designed, so earlier caches still serve.
        var range = d.RangePercent == 100 ? "" : string.Create(CultureInfo.InvariantCulture, $"|range {d.RangePercent}");
        var key = string.Create(CultureInfo.InvariantCulture, $"{d.Voice}|{d.Pitch}|{d.WordsPerMinute}|{turn.Text}{range}");
        var name = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(key)))[..20] + ".wav";
        var path = Path.Combine(cacheFolder, name);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(cacheFolder);
            var partial = path + ".part";
            Espeak(d, turn.Text, partial);
            File.Move(partial, path, overwrite: true);
        }

        using var source = AudioFile.OpenMono(path);
        if (source.Format.SampleRate != SampleRate)
            throw new InvalidOperationException($"espeak-ng wrote {source.Format.SampleRate} Hz, expected {SampleRate} Hz: {path}");
        return [.. source.ReadBlocks(TimeSpan.FromSeconds(1)).SelectMany(block => block.Samples.ToArray())];
    }

    /// <summary>espeak-ng has no option for the pitch range; its SSML prosody element takes one.</summary>
    private static void Espeak(VoiceDelivery delivery, string text, string path)
    {
        string[] voice = ["-v", delivery.Voice, "-p", delivery.Pitch.ToString(CultureInfo.InvariantCulture), "-s", delivery.WordsPerMinute.ToString(CultureInfo.InvariantCulture), "-w", path];
        if (delivery.RangePercent == 100)
            ChildProgram.Run("espeak-ng", [.. voice, text]);
        else
            ChildProgram.Run("espeak-ng", [.. voice, "-m", string.Create(CultureInfo.InvariantCulture, $"<speak><prosody range=\"{delivery.RangePercent}%\">{SecurityElement.Escape(text)}</prosody></speak>")]);
    }
}
