using MirrorSense.Core;

namespace MirrorSense.Sessions.Voice;

/// <summary>
/// One inter-pausal unit as the units table holds it: its span on media time, its mean pitch in semitones
/// relative to the speaker's median f0 and mean intensity (NaN when unmeasured), and its syllable nuclei.
/// </summary>
/// <param name="Speaker">Who spoke; null in a one-speaker table (<c>mirrorsense prosody --units</c>).</param>
public sealed record SpeechUnitRow(Participant? Speaker, MediaTime Start, MediaTime End, double MeanPitchSemitones, double MeanIntensityDb, int Syllables)
{
    public TimeSpan Duration => End - Start;

    /// <summary>Speech rate: syllable nuclei per second of the unit; NaN for a unit without duration.</summary>
    public double SyllablesPerSecond => Duration > TimeSpan.Zero ? Syllables / Duration.TotalSeconds : double.NaN;
}
