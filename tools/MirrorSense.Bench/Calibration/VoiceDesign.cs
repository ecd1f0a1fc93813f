using MirrorSense.Core;

namespace MirrorSense.Bench.Calibration;

/// <summary>
/// How one turn is spoken: espeak-ng's voice, pitch (0–99), speed (words per minute) and pitch range (per cent of the
/// voice's own, SSML prosody range: 40 % gives about 2 semitones between the 10th and 90th percentile, 100 % about 5, 160 %
/// about 7), and a gain on the samples.
/// </summary>
internal sealed record VoiceDelivery(string Voice, int Pitch, int WordsPerMinute, double Gain, int RangePercent = 100);

/// <summary>One turn of a designed session: who speaks, what, and how.</summary>
internal sealed record VoiceTurn(Participant Speaker, string Text, VoiceDelivery Delivery);

/// <summary>
/// A speaker's habitual voice: an espeak-ng voice with a variant, and where their pitch, speed and loudness sit.
/// Deliveries are built around it, so each kind of session only says how turns move away from it.
/// </summary>
internal sealed record VoiceHabit(string Voice, double Pitch, double WordsPerMinute, double GainDb)
{
    private static readonly string[] Accents = ["en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-029", "en-gb-x-gbclan", "en-us-nyc", "en-gb-x-gbcwmd"];
    private static readonly string[] Variants = ["", "+m1", "+m2", "+m3", "+m4", "+m5", "+m6", "+f1", "+f2", "+f3", "+f4", "+f5"];

    public static VoiceHabit Draw(Random random) => new(
        Accents[random.Next(Accents.Length)] + Variants[random.Next(Variants.Length)],
        25 + 50 * random.NextDouble(),
        140 + 60 * random.NextDouble(),
        -3 + 6 * random.NextDouble());

    /// <summary>
    /// This habit moved by <paramref name="pitch"/> espeak pitch units, <paramref name="speed"/> words per minute,
    /// <paramref name="gainDb"/> dB and <paramref name="range"/> points of pitch range, within espeak's ranges.
    /// </summary>
    public VoiceDelivery Deliver(double pitch, double speed, double gainDb, double range = 0) => new(
        Voice,
        (int)Math.Round(Math.Clamp(Pitch + pitch, 0, 99)),
        (int)Math.Round(Math.Clamp(WordsPerMinute + speed, 90, 280)),
        Math.Pow(10, (GainDb + gainDb) / 20),
        (int)Math.Round(Math.Clamp(100 + range, 20, 200)));
}

/// <summary>Sentences of ordinary small talk; a turn speaks one or two of them.</summary>
internal static class VoiceTexts
{
    private static readonly string[] Sentences =
    [
        "I thought the meeting went on far too long yesterday.",
        "Did you manage to find a parking space this morning?",
        "We should really try that new place near the station.",
        "My sister called last night about the holidays.",
        "It has been raining on and off all week.",
        "I am not sure the plan will work as written.",
        "The train was late again, so I walked the last part.",
        "Honestly, I would rather stay in and read tonight.",
        "Have you seen the report they sent around on Friday?",
        "That sounds like a lot of work for one person.",
        "We could ask the others what they think first.",
        "The garden needs a lot of attention this spring.",
        "I remember when this street had only two shops.",
        "Let me check my calendar before I promise anything.",
        "The children loved the museum more than I expected.",
        "It took me an hour to fix the printer again.",
        "Maybe we can meet halfway and decide on Monday.",
        "I keep forgetting to water the plants on the balcony.",
        "The new software is faster, but the menus are confusing.",
        "We walked along the river until it got dark.",
        "Do you think the prices will go down next year?",
        "I only heard about it from a friend of a friend.",
        "The coffee here is much better than it used to be.",
        "She told me the whole story over lunch.",
        "Nobody expected the game to end in a draw.",
        "I would like to learn another language one day.",
        "The bus driver waited for us, which was kind.",
        "We painted the kitchen a pale shade of green.",
        "It is strange how quickly the summer went by.",
        "He said he would call back, but he never did.",
        "The library is closed on Sundays, unfortunately.",
        "I tried the recipe twice before it worked.",
        "There were far more people at the concert than last time.",
        "Could you send me the address again, please?",
        "I think we are both right, in a way.",
        "The mountains looked beautiful in the early light.",
        "My neighbour has a dog that never stops barking.",
        "We should leave early to avoid the traffic.",
        "That was the best film I have seen in years.",
        "I am still getting used to working from home.",
    ];

    public static string Draw(Random random) => random.Next(3) == 0
        ? Sentences[random.Next(Sentences.Length)] + " " + Sentences[random.Next(Sentences.Length)]
        : Sentences[random.Next(Sentences.Length)];
}
