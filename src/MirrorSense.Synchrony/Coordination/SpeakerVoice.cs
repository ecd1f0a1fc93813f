using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Coordination;

/// <summary>What the voice analysis found for one speaker: frames on media time and the units between pauses.</summary>
/// <param name="Units">
/// The speaker's units, each with its mean pitch in semitones re <see cref="SemitoneReferenceHz"/>: a scale both
/// speakers share, so that distances between their units mean something.
/// </param>
public sealed record SpeakerVoice(Participant Speaker, ImmutableArray<ProsodyFrame> Frames, ImmutableArray<SpeechUnit> Units)
{
    public const double SemitoneReferenceHz = 100;

    public static double Semitones(double hz) => 12 * Math.Log2(hz / SemitoneReferenceHz);

    /// <summary>
    /// A speaker's voice from the frames and the units the prosody analysis delimited: each unit's pitch is measured
    /// again as the mean, in semitones re <see cref="SemitoneReferenceHz"/>, of the voiced frames from its start to its
    /// end (both included), NaN without any; the rest of the unit is kept. Frames and units are walked together once,
    /// so the cost grows with frames plus units, not their product.
    /// </summary>
    /// <param name="frames">In time order.</param>
    /// <param name="units">The speaker's, in time order of their starts, none ending before it starts.</param>
    /// <exception cref="ArgumentException">Frames or units out of time order, a unit ending before it starts, or another speaker's unit.</exception>
    public static SpeakerVoice FromFrames(Participant speaker, ImmutableArray<ProsodyFrame> frames, IReadOnlyList<SpeechUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        for (var i = 1; i < frames.Length; i++)
            if (frames[i].Time < frames[i - 1].Time)
                throw new ArgumentException($"Frame {i} at {frames[i].Time} comes before frame {i - 1} at {frames[i - 1].Time}; frames must be in time order.", nameof(frames));
        var built = ImmutableArray.CreateBuilder<SpeechUnit>(units.Count);
        var first = 0;
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            if (unit.Speaker != speaker)
                throw new ArgumentException($"Unit {u} is {unit.Speaker?.ToString() ?? "nobody"}'s, not {speaker}'s.", nameof(units));
            if (unit.End < unit.Start)
                throw new ArgumentException($"Unit {u} ends at {unit.End}, before its start at {unit.Start}.", nameof(units));
            if (u > 0 && unit.Start < units[u - 1].Start)
                throw new ArgumentException($"Unit {u} starts at {unit.Start}, before unit {u - 1} at {units[u - 1].Start}; units must be in time order.", nameof(units));

            // The first frame of this unit is never before the previous unit's first frame, so the walk only moves forward.
            while (first < frames.Length && frames[first].Time < unit.Start)
                first++;
            double sum = 0, decibels = 0;
            int voiced = 0, loud = 0;
            for (var i = first; i < frames.Length && frames[i].Time <= unit.End; i++)
            {
                if (!double.IsNaN(frames[i].IntensityDb))
                {
                    decibels += frames[i].IntensityDb;
                    loud++;
                }

                if (double.IsNaN(frames[i].FrequencyHz))
                    continue;
                sum += Semitones(frames[i].FrequencyHz);
                voiced++;
            }

            built.Add(unit with
            {
                MeanPitchSemitones = voiced == 0 ? double.NaN : sum / voiced,
                MeanIntensityDb = loud == 0 ? double.NaN : decibels / loud,
            });
        }

        return new SpeakerVoice(speaker, frames, built.MoveToImmutable());
    }

    /// <summary>Per sample of a grid from <paramref name="origin"/> at <paramref name="rate"/>: true within one of the speaker's units.</summary>
    public bool[] SpeakingGrid(MediaTime origin, double rate, int length)
    {
        var speaking = new bool[length];
        foreach (var unit in Units)
        {
            var from = Math.Max(0, (int)Math.Ceiling((unit.Start - origin).TotalSeconds * rate));
            var to = Math.Min(length, (int)Math.Ceiling((unit.End - origin).TotalSeconds * rate));
            if (to > from)
                Array.Fill(speaking, true, from, to - from);
        }

        return speaking;
    }

    /// <summary>
    /// Pitch in semitones relative to the speaker's own median f0, on a grid of <paramref name="rate"/> Hz
    /// from <paramref name="origin"/> for <paramref name="length"/> samples; NaN where unvoiced or no frame.
    /// Relative pitch lets a low and a high voice be compared for how they move, not where they sit.
    /// </summary>
    public double[] RelativePitchGrid(MediaTime origin, double rate, int length)
    {
        var voiced = Frames.Where(f => !double.IsNaN(f.FrequencyHz)).Select(f => Semitones(f.FrequencyHz)).ToArray();
        var median = Statistics.MedianOfPresent(voiced);
        var grid = new double[length];
        Array.Fill(grid, double.NaN);
        foreach (var frame in Frames)
        {
            if (double.IsNaN(frame.FrequencyHz))
                continue;
            var k = (long)Math.Round((frame.Time - origin).TotalSeconds * rate, MidpointRounding.AwayFromZero);
            if (k >= 0 && k < length)
                grid[k] = Semitones(frame.FrequencyHz) - median;
        }

        return grid;
    }

    /// <summary>
    /// Intensity in dB relative to the speaker's own median while voicing, on the same grid as
    /// <see cref="RelativePitchGrid"/>, at the voiced frames within the speaker's units; NaN elsewhere. Outside their
    /// units a speaker's microphone hears the room and the partner, which is not how loud they speak; and within a unit
    /// the frames between words (a breath, a stop, digital silence at −300 dB) say how much of the unit was pause, not
    /// how loud the voice was: one such gap moved a unit's mean by 15 dB where the speaker's gain moved 3.
    /// </summary>
    public double[] RelativeLoudnessGrid(MediaTime origin, double rate, int length)
    {
        var grid = new double[length];
        Array.Fill(grid, double.NaN);
        var speaking = new List<double>();
        var first = 0;
        foreach (var unit in Units)
        {
            while (first < Frames.Length && Frames[first].Time < unit.Start)
                first++;
            for (var i = first; i < Frames.Length && Frames[i].Time <= unit.End; i++)
            {
                if (double.IsNaN(Frames[i].IntensityDb) || double.IsNaN(Frames[i].FrequencyHz))
                    continue;
                speaking.Add(Frames[i].IntensityDb);
                var k = (long)Math.Round((Frames[i].Time - origin).TotalSeconds * rate, MidpointRounding.AwayFromZero);
                if (k >= 0 && k < length)
                    grid[k] = Frames[i].IntensityDb;
            }
        }

        var median = Statistics.MedianOfPresent([.. speaking]);
        for (var k = 0; k < length; k++)
            grid[k] -= median;
        return grid;
    }

    /// <summary>
    /// The same voice with the frames whose pitch lies outside the speaker's plausible span (<see cref="SpeakerPitchSpan"/>,
    /// from all their voiced frames) taken as unvoiced: tracking errors, not liveliness. Units and intensities stay.
    /// </summary>
    public SpeakerVoice WithoutPitchOutliers()
    {
        var span = SpeakerPitchSpan.Of([.. Frames.Select(f => Semitones(f.FrequencyHz))]);
        return this with { Frames = [.. Frames.Select(f => double.IsNaN(f.FrequencyHz) || span.Contains(Semitones(f.FrequencyHz)) ? f : f with { FrequencyHz = double.NaN })] };
    }

    /// <summary>
    /// How lively the unit's pitch is: the spread between the 10th and 90th percentile of its voiced frames, in
    /// semitones (NaN with fewer than five voiced frames). Percentiles rather than the extremes, so one octave jump of
    /// the pitch tracker does not make a flat unit lively.
    /// </summary>
    public double PitchRangeSemitones(SpeechUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var from = FirstFrameAtOrAfter(unit.Start);
        var pitches = new List<double>();
        for (var i = from; i < Frames.Length && Frames[i].Time <= unit.End; i++)
            if (!double.IsNaN(Frames[i].FrequencyHz))
                pitches.Add(Semitones(Frames[i].FrequencyHz));
        if (pitches.Count < 5)
            return double.NaN;
        var voiced = pitches.ToArray();
        return Statistics.QuantileOfPresent(voiced, 0.9) - Statistics.QuantileOfPresent(voiced, 0.1);
    }

    /// <summary>
    /// How loud the unit was spoken: the mean intensity in dB of its voiced frames (NaN without any), for the reason
    /// <see cref="RelativeLoudnessGrid"/> gives.
    /// </summary>
    public double VoicedLoudnessDb(SpeechUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        double sum = 0;
        var voiced = 0;
        for (var i = FirstFrameAtOrAfter(unit.Start); i < Frames.Length && Frames[i].Time <= unit.End; i++)
        {
            if (double.IsNaN(Frames[i].FrequencyHz) || double.IsNaN(Frames[i].IntensityDb))
                continue;
            sum += Frames[i].IntensityDb;
            voiced++;
        }

        return voiced == 0 ? double.NaN : sum / voiced;
    }

    /// <summary>
    /// The speaker's units cut again wherever the voice falls silent for <paramref name="pauseSeconds"/> or longer, each
    /// piece from its first to its last voiced frame and measured as <see cref="FromFrames"/> measures units. Units are
    /// found where the intensity rises above the silence threshold; in a noisy recording the microphone's own hiss can
    /// stay above it through the partner's turns, and one "unit" then runs over several turns, whose pitch range spans
    /// the speaker's changes of level between turns rather than the liveliness of one (24 % of noisy null sessions had
    /// inflection beyond chance). Voicing does not follow the hiss, so the pieces are the speaker's own phrases again; in
    /// a clean recording, where no voiceless stretch within a unit lasts that long, they are the units as they were.
    /// </summary>
    public SpeakerVoice InVoicedPhrases(double pauseSeconds = 0.3)
    {
        var pause = TimeSpan.FromSeconds(pauseSeconds);
        var phrases = new List<SpeechUnit>();
        var first = 0;
        foreach (var unit in Units)
        {
            while (first < Frames.Length && Frames[first].Time < unit.Start)
                first++;
            MediaTime? start = null;
            var last = unit.Start;
            for (var i = first; i < Frames.Length && Frames[i].Time <= unit.End; i++)
            {
                if (double.IsNaN(Frames[i].FrequencyHz))
                    continue;
                if (start is { } open && Frames[i].Time - last >= pause)
                {
                    phrases.Add(SpeechUnit.Unmeasured(Speaker, open, last));
                    start = null;
                }

                start ??= Frames[i].Time;
                last = Frames[i].Time;
            }

            if (start is { } final)
                phrases.Add(SpeechUnit.Unmeasured(Speaker, final, last));
        }

        return FromFrames(Speaker, Frames, phrases);
    }

    private int FirstFrameAtOrAfter(MediaTime time)
    {
        var (low, high) = (0, Frames.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Frames[middle].Time < time)
                low = middle + 1;
            else
                high = middle;
        }

        return low;
    }
}
