using MirrorSense.Core;

namespace MirrorSense.Synchrony.Tests;

/// <summary>Units spoken at a chosen rate, for tests that think in rates while a unit counts whole syllables.</summary>
internal static class RatedUnits
{
    /// <summary>
    /// A unit from <paramref name="start"/> of about <paramref name="seconds"/>: the whole number of syllables nearest
    /// that span at <paramref name="syllablesPerSecond"/>, ending where they make exactly that rate (to the microsecond).
    /// </summary>
    public static SpeechUnit SpokenAt(Participant speaker, double start, double seconds, double syllablesPerSecond, double pitchSemitones = double.NaN)
    {
        var syllables = Math.Max(1, (int)Math.Round(syllablesPerSecond * seconds));
        return new SpeechUnit(speaker, MediaTime.FromSeconds(start), MediaTime.FromSeconds(start + syllables / syllablesPerSecond), pitchSemitones, double.NaN, syllables);
    }
}
