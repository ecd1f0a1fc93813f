namespace MirrorSense.Prosody.Tests;

public sealed class SpeechRateTests
{
    // 11 + 22 + 24 = 57 syllables, counted by hand.
    private const string Passage =
        "The quick brown fox jumps over the lazy dog. " +
        "We talked about the weather, and then we walked along the river to the old market. " +
        "My father likes to read the paper in the morning before he goes to work at the station.";
    private const int PassageSyllables = 57;

    [SkippableTheory]
    [InlineData(140)]
    [InlineData(175)]
    [InlineData(220)]
    public void Syllable_nuclei_of_synthetic_speech_match_the_texts_syllables_within_10_percent(int wordsPerMinute)
    {
        // Given the passage spoken by espeak-ng at the given speed
        var speech = Espeak.Say(Passage, wordsPerMinute);

        // When syllable nuclei are detected (de Jong & Wempe)
        var rate = SyllableNuclei.Analyze(speech.Samples, speech.SampleRate);

        // Then their number is the text's syllable count, give or take 10 %
        Assert.InRange(rate.Nuclei.Length, PassageSyllables * 0.9, PassageSyllables * 1.1);
    }

    [SkippableFact]
    public void Faster_speech_has_a_higher_speech_rate()
    {
        var rates = new[] { 140, 175, 220 }
            .Select(wpm => Espeak.Say(Passage, wpm))
            .Select(wav => SyllableNuclei.Analyze(wav.Samples, wav.SampleRate).SyllablesPerSecond)
            .ToArray();

        Assert.True(rates[0] < rates[1] && rates[1] < rates[2], string.Join(", ", rates));
    }

    [Fact]
    public void A_sustained_vowel_is_one_syllable()
    {
        var vowel = Signals.Concat(Signals.Silence(0.3), Signals.Harmonics(140, 0.4, [0.3, 0.2, 0.1]), Signals.Silence(0.3));

        Assert.Single(SyllableNuclei.Analyze(vowel, Signals.Rate).Nuclei);
    }

    [Fact]
    public void Unvoiced_bursts_are_not_syllables()
    {
        var hisses = Signals.Concat(Signals.Silence(0.3), Signals.Noise(0.2, 0.3, seed: 1), Signals.Silence(0.3), Signals.Noise(0.2, 0.3, seed: 2), Signals.Silence(0.3));

        Assert.Empty(SyllableNuclei.Analyze(hisses, Signals.Rate).Nuclei);
    }
}
