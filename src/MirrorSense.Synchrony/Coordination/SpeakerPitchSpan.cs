namespace MirrorSense.Synchrony.Coordination;

/// <summary>
/// The pitch a speaker's voice plausibly takes, in semitones: from three quarters of their first quartile to one and a
/// half times their third (Hirst's floor and ceiling for a second pitch pass). Outside it the tracker has lost the
/// voice: a low voice that dips under the 75 Hz floor is read at a harmonic, four or five times its pitch, and such
/// frames made 5 of one espeak-ng speaker's 22 turns 30 semitones lively, where the others spread 1–5.
/// </summary>
public readonly record struct SpeakerPitchSpan(double LowestSemitones, double HighestSemitones)
{
    /// <summary>Three quarters of a frequency, in semitones (−4.98).</summary>
    private static readonly double FloorBelowFirstQuartile = 12 * Math.Log2(0.75);

    /// <summary>One and a half times a frequency, in semitones (+7.02).</summary>
    private static readonly double CeilingAboveThirdQuartile = 12 * Math.Log2(1.5);

    /// <summary>Every pitch is plausible when nothing is known of the voice.</summary>
    public static SpeakerPitchSpan Unknown { get; } = new(double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>The span of a speaker's voiced frames (semitones on any fixed reference; NaN for unvoiced frames is skipped).</summary>
    public static SpeakerPitchSpan Of(ReadOnlySpan<double> semitones)
    {
        var firstQuartile = Statistics.QuantileOfPresent(semitones, 0.25);
        return double.IsNaN(firstQuartile) ? Unknown
            : new(firstQuartile + FloorBelowFirstQuartile, Statistics.QuantileOfPresent(semitones, 0.75) + CeilingAboveThirdQuartile);
    }

    public bool Contains(double semitones) => semitones >= LowestSemitones && semitones <= HighestSemitones;
}
