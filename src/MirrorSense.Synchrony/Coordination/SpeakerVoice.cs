using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Coordination;

/// <summary>One prosody frame of a speaker: f0 NaN when unvoiced.</summary>
public readonly record struct VoiceFrame(MediaTime Time, double PitchHz, double IntensityDb);

/// <summary>One inter-pausal unit of a speaker with the features turn-level coordination compares.</summary>
/// <param name="PitchSemitones">Mean f0 over the unit's voiced frames in semitones re 100 Hz (a common scale for both speakers, so distances between them mean something); NaN without voiced frames.</param>
/// <param name="SyllablesPerSecond">Speech rate (syllable nuclei per second of the unit).</param>
public readonly record struct VoiceUnit(MediaTime Start, MediaTime End, double PitchSemitones, double SyllablesPerSecond);

/// <summary>What the voice analysis found for one speaker: frames on media time and the units between pauses.</summary>
public sealed record SpeakerVoice(Participant Speaker, ImmutableArray<VoiceFrame> Frames, ImmutableArray<VoiceUnit> Units)
{
    public const double SemitoneReferenceHz = 100;

    public static double Semitones(double hz) => 12 * Math.Log2(hz / SemitoneReferenceHz);

    /// <summary>
    /// Pitch in semitones relative to the speaker's own median f0, on a grid of <paramref name="rate"/> Hz
    /// from <paramref name="origin"/> for <paramref name="length"/> samples; NaN where unvoiced or no frame.
    /// Relative pitch lets a low and a high voice be compared for how they move, not where they sit.
    /// </summary>
    public double[] RelativePitchGrid(MediaTime origin, double rate, int length)
    {
        var voiced = Frames.Where(f => !double.IsNaN(f.PitchHz)).Select(f => Semitones(f.PitchHz)).ToArray();
        var median = Statistics.MedianOfPresent(voiced);
        var grid = new double[length];
        Array.Fill(grid, double.NaN);
        foreach (var frame in Frames)
        {
            if (double.IsNaN(frame.PitchHz))
                continue;
            var k = (long)Math.Round((frame.Time - origin).TotalSeconds * rate, MidpointRounding.AwayFromZero);
            if (k >= 0 && k < length)
                grid[k] = Semitones(frame.PitchHz) - median;
        }

        return grid;
    }
}
