using System.Globalization;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Coordination;

/// <summary>
/// A quantity each speech unit has, compared across changes of speaker by <see cref="TurnCoordination"/>, and the
/// names its details go by in summary.json.
/// </summary>
/// <param name="Measure">The measure (<see cref="MeasureNames"/>).</param>
/// <param name="DifferenceDetail">Detail name of the mean absolute difference of adjacent units.</param>
/// <param name="MeanDetail">Detail name of one speaker's mean, with {0} for <c>a</c> or <c>b</c>.</param>
/// <param name="Of">The unit's value, read with its speaker's voice at hand (NaN where it cannot be told).</param>
/// <param name="Units">The voice with the units the feature is read on.</param>
/// <param name="SessionTest">Which of the turn tests the session's p-value joins.</param>
public sealed record TurnFeature(string Measure, string DifferenceDetail, string MeanDetail, Func<SpeakerVoice, SpeechUnit, double> Of, Func<SpeakerVoice, SpeakerVoice> Units, TurnSessionTest SessionTest)
{
    /// <summary>Tempo: syllables per second of each unit, as the prosody found the units (syllables are counted per unit).</summary>
    public static TurnFeature SpeechRate { get; } = new(MeasureNames.Tempo, "rate_difference_per_s", "rate_{0}_per_s", (_, unit) => unit.SyllablesPerSecond, voice => voice, TurnSessionTest.ProximityAndSynchrony);

    /// <summary>
    /// Inflection: how lively each voiced phrase's pitch is (its 10th–90th percentile range in semitones), on the units
    /// cut again at pauses in the voicing (<see cref="SpeakerVoice.InVoicedPhrases"/>), so a unit that the hiss of a
    /// noisy microphone stretched over several turns does not pass for one very lively unit, and without the frames
    /// the tracker read outside the speaker's own pitch (<see cref="SpeakerVoice.WithoutPitchOutliers"/>): where B
    /// copied the range of A's last turn, those frames alone hid it in a fifth of the sessions. Its session p is
    /// synchrony alone, as volume's: proximity asks whether adjacent turns sit closer than others, which an answer to
    /// the partner's last turn barely changes, and doubling the smaller p for it cost a third of the power.
    /// </summary>
    public static TurnFeature PitchRange { get; } = new(MeasureNames.Inflection, "range_difference_st", "range_{0}_st", (voice, unit) => voice.PitchRangeSemitones(unit), voice => voice.InVoicedPhrases().WithoutPitchOutliers(), TurnSessionTest.Synchrony);

    internal string MeanOf(Participant speaker) =>
        string.Format(CultureInfo.InvariantCulture, MeanDetail, speaker == Participant.A ? "a" : "b");
}

/// <summary>The turn tests a turn-level measure's session p-value joins.</summary>
public enum TurnSessionTest
{
    /// <summary>Proximity and synchrony, Bonferroni (<see cref="TwoTests"/>).</summary>
    ProximityAndSynchrony,

    /// <summary>Synchrony alone.</summary>
    Synchrony,
}
