using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>
/// Describes inter-pausal units from a speaker's whole frame sequence (units need the speaker's median, known only at
/// the end): mean pitch in semitones relative to that median, mean intensity (the mean of the frames' dB values) and
/// the syllable nuclei within each unit.
/// </summary>
public static class UnitFeatureCalculator
{
    public static IReadOnlyList<SpeechUnit> Compute(
        IReadOnlyList<SpeechUnit> units, IReadOnlyList<ProsodyFrame> frames, IReadOnlyList<MediaTime> nuclei)
    {
        var voiced = frames.Where(f => f.IsVoiced).Select(f => f.FrequencyHz).Order().ToArray();
        var median = voiced.Length == 0 ? double.NaN
            : voiced.Length % 2 == 1 ? voiced[voiced.Length / 2]
            : 0.5 * (voiced[voiced.Length / 2 - 1] + voiced[voiced.Length / 2]);
        var result = new List<SpeechUnit>(units.Count);
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
            result.Add(unit with
            {
                MeanPitchSemitones = voicedCount == 0 ? double.NaN : semitones / voicedCount,
                MeanIntensityDb = frameCount == 0 ? double.NaN : decibels / frameCount,
                Syllables = syllables,
            });
        }
        return result;
    }
}
