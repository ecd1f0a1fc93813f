using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// One speaker's voiced frames of the last <paramref name="seconds"/>, so a unit that has just ended can be described as
/// the offline measures describe it (<see cref="SpeakerVoice.PitchRangeSemitones"/>, <see cref="SpeakerVoice.VoicedLoudnessDb"/>):
/// a unit arrives a pause after its end, long before its frames leave.
/// </summary>
internal sealed class RecentVoicing(double seconds)
{
    private readonly Queue<(MediaTime Time, double Semitones, double Decibels)> _voiced = new();

    public void Add(ProsodyFrame frame)
    {
        if (!double.IsNaN(frame.FrequencyHz) && frame.FrequencyHz > 0)
            _voiced.Enqueue((frame.Time, SpeakerVoice.Semitones(frame.FrequencyHz), frame.IntensityDb));
        while (_voiced.Count > 0 && (frame.Time - _voiced.Peek().Time).TotalSeconds > seconds)
            _voiced.Dequeue();
    }

    /// <summary>
    /// The spread between the 10th and 90th percentile of the unit's voiced pitch in semitones, without the frames
    /// outside the speaker's plausible span over the frames held (<see cref="SpeakerPitchSpan"/>, as offline over the
    /// session); NaN with fewer than five voiced frames.
    /// </summary>
    public double PitchRangeSemitones(SpeechUnit unit)
    {
        var span = SpeakerPitchSpan.Of([.. _voiced.Select(f => f.Semitones)]);
        var pitches = Within(unit).Select(f => f.Semitones).Where(span.Contains).ToArray();
        return pitches.Length < 5 ? double.NaN : Statistics.QuantileOfPresent(pitches, 0.9) - Statistics.QuantileOfPresent(pitches, 0.1);
    }

    /// <summary>The mean intensity of the unit's voiced frames in dB; NaN without any.</summary>
    public double VoicedLoudnessDb(SpeechUnit unit)
    {
        var levels = Within(unit).Select(f => f.Decibels).Where(d => !double.IsNaN(d)).ToArray();
        return levels.Length == 0 ? double.NaN : levels.Average();
    }

    private IEnumerable<(MediaTime Time, double Semitones, double Decibels)> Within(SpeechUnit unit) =>
        _voiced.Where(f => f.Time >= unit.Start && f.Time <= unit.End);
}
