namespace MirrorSense.Core;

/// <summary>
/// One inter-pausal unit: a stretch of one speaker's speech between pauses, on the media clock, and what it sounds like.
/// Every stage speaks of the same unit, from the pause detector that finds it to the units table and the turn-level
/// measures, so each adds what it knows to this record rather than copying it into a shape of its own.
/// </summary>
/// <param name="Speaker">
/// Who spoke; null when no participant is known: a recording analysed on its own (<c>mirrorsense prosody --units</c>),
/// or a unit the prosody has found before the session says whose voice it was. Null rather than A, because a lone
/// voice is nobody's partner, and a unit that passed for A's would be set against B's by every measure of a dyad.
/// </param>
/// <param name="MeanPitchSemitones">
/// Mean f0 of the unit's voiced frames in semitones above a reference pitch; NaN without a voiced frame. The reference
/// is the speaker's own median as the prosody analysis measures it (so one voice's units compare with each other) and
/// <c>SpeakerVoice.SemitoneReferenceHz</c> once the coordination measures re-measure it (so two voices compare).
/// </param>
/// <param name="MeanIntensityDb">Mean of the frames' intensities in dB; NaN without a frame.</param>
/// <param name="Syllables">
/// Syllable nuclei heard in the unit (de Jong &amp; Wempe); null when they were not counted, as for a unit cut from
/// frames without the waveform: zero would claim the speaker said nothing, and a speech rate of zero would follow.
/// </param>
/// <remarks>
/// A unit whose features are not measured yet (<see cref="Unmeasured"/>) carries NaN and null: the same values that say
/// "not there" in a measured unit, so no reader can take a unit still being described for a silent or monotone one.
/// </remarks>
public sealed record SpeechUnit(Participant? Speaker, MediaTime Start, MediaTime End, double MeanPitchSemitones, double MeanIntensityDb, int? Syllables)
{
    public TimeSpan Duration => End - Start;

    /// <summary>Speech rate: syllable nuclei per second of the unit; NaN when they were not counted or the unit has no duration.</summary>
    public double SyllablesPerSecond => Syllables is { } syllables && Duration > TimeSpan.Zero ? syllables / Duration.TotalSeconds : double.NaN;

    /// <summary>
    /// Who spoke, for a measure of a dyad: it sets each unit against the other side's, so a unit of nobody in particular
    /// is a mistake upstream, not a third side.
    /// </summary>
    /// <exception cref="InvalidOperationException">The unit has no speaker.</exception>
    public Participant SpeakerInDyad => Speaker
        ?? throw new InvalidOperationException($"The unit from {Start} to {End} has no speaker, but a measure of a dyad needs to know whose it is.");

    /// <summary>A unit found by its pauses, before anything about its sound is measured.</summary>
    public static SpeechUnit Unmeasured(Participant? speaker, MediaTime start, MediaTime end) =>
        new(speaker, start, end, double.NaN, double.NaN, null);
}
