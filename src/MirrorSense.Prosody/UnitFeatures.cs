using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>
/// What one inter-pausal unit of a speaker sounds like: its span, mean pitch in semitones relative to the speaker's
/// median f0 (NaN when the unit has no voiced frame), mean intensity (dB, mean of the frames' dB values) and its
/// syllable nuclei (de Jong &amp; Wempe) per second of unit.
/// </summary>
public sealed record UnitFeatures(MediaTime Start, MediaTime End, double MeanPitchSemitones, double MeanIntensityDb, int Syllables)
{
    public TimeSpan Duration => End - Start;

    public double SyllablesPerSecond => Duration > TimeSpan.Zero ? Syllables / Duration.TotalSeconds : double.NaN;
}

/// <summary>Computes <see cref="UnitFeatures"/> from a speaker's whole frame sequence (units need the speaker's median, known only at the end).</summary>
public static class UnitFeatureCalculator
{
    public static IReadOnlyList<UnitFeatures> Compute(
        IReadOnlyList<InterPausalUnit> units, IReadOnlyList<ProsodyFrame> frames, IReadOnlyList<MediaTime> nuclei)
    {
        var voiced = frames.Where(f => f.IsVoiced).Select(f => f.FrequencyHz).Order().ToArray();
        var median = voiced.Length == 0 ? double.NaN
            : voiced.Length % 2 == 1 ? voiced[voiced.Length / 2]
            : 0.5 * (voiced[voiced.Length / 2 - 1] + voiced[voiced.Length / 2]);
        var result = new List<UnitFeatures>(units.Count);
        var f = 0;
        var n = 0;
        foreach (var unit in units)
        {
            // Units and frames are both in time order: walk them together.
            while (f < frames.Count && frames[f].Time < unit.Start)
                f++;
            double semitones = 0, decibels = 0;
            int voicedCount = 0, frameCount = 0;
            for (var i = f; i < frames.Count && frames[i].Time <= unit.End; i++)
            {
                frameCount++;
                decibels += frames[i].IntensityDb;
                if (frames[i].IsVoiced)
                {
                    voicedCount++;
                    semitones += 12.0 * Math.Log2(frames[i].FrequencyHz / median);
                }
            }
            while (n < nuclei.Count && nuclei[n] < unit.Start)
                n++;
            var syllables = 0;
            while (n + syllables < nuclei.Count && nuclei[n + syllables] <= unit.End)
                syllables++;
            result.Add(new UnitFeatures(unit.Start, unit.End,
                voicedCount == 0 ? double.NaN : semitones / voicedCount,
                frameCount == 0 ? double.NaN : decibels / frameCount,
                syllables));
        }
        return result;
    }
}
