using MirrorSense.Core;

namespace MirrorSense.Prosody.Tests;

public sealed class LiveUnitTrackerTests
{
    private const string Passage =
        "The quick brown fox jumps over the lazy dog. " +
        "We talked about the weather, and then we walked along the river to the old market. " +
        "My father likes to read the paper in the morning before he goes to work at the station.";
    private const int PassageSyllables = 57;

    [SkippableFact]
    public void Units_of_a_live_stream_count_the_texts_syllables_and_close_as_the_speech_goes()
    {
        var speech = Espeak.Say(Passage, 175);
        var units = Stream(speech);

        Assert.NotEmpty(units);
        Assert.InRange(units.Sum(u => u.Syllables!.Value), PassageSyllables * 0.85, PassageSyllables * 1.15);
        Assert.All(units, u => Assert.True(u.End > u.Start));
    }

    [SkippableFact]
    public void Faster_speech_gives_live_units_a_higher_rate()
    {
        double Rate(int wpm)
        {
            var units = Stream(Espeak.Say(Passage, wpm));
            return units.Sum(u => u.Syllables!.Value) / units.Sum(u => u.Duration.TotalSeconds);
        }

        var rates = new[] { 140, 220 }.Select(Rate).ToArray();
        Assert.True(rates[0] + 0.5 < rates[1], string.Join(", ", rates));
    }

    /// <summary>The speech in 50 ms blocks, as a microphone delivers it: samples first, then the frames of the same block.</summary>
    private static List<SpeechUnit> Stream(WavFile speech)
    {
        var analyzer = new ProsodyAnalyzer(speech.SampleRate);
        var tracker = new LiveUnitTracker(speech.SampleRate);
        var units = new List<SpeechUnit>();
        var block = speech.SampleRate / 20;
        for (var start = 0; start < speech.Samples.Length; start += block)
        {
            var samples = speech.Samples.AsSpan(start, Math.Min(block, speech.Samples.Length - start));
            var time = MediaTime.OfSample(start, speech.SampleRate);
            tracker.AddSamples(samples, time);
            units.AddRange(tracker.AddFrames(analyzer.Process(samples, time)));
        }

        units.AddRange(tracker.AddFrames(analyzer.Complete()));
        units.AddRange(tracker.Complete());
        return units;
    }
}
