using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// One speaker's pitch as a 1 Hz contour for live tone coordination: at each second, the mean semitone level of
/// the voiced frames of the last few seconds (TAMA-style frames, so turns that alternate still overlap), missing
/// while the speaker has said too little. A ring of seconds: fixed memory whatever the session's length.
/// </summary>
internal sealed class ToneContour(int frameSeconds, int capacitySeconds)
{
    /// <summary>Voiced time a frame needs before it has a level (half a second at 100 frames per second).</summary>
    private const int MinimumVoicedFrames = 50;

    private readonly double[] _sums = new double[capacitySeconds];
    private readonly int[] _counts = new int[capacitySeconds];
    private long _newestSecond = -1;

    public void Add(ProsodyFrame frame)
    {
        var second = (long)Math.Floor(frame.Time.Seconds);
        if (second < 0)
            return;
        Advance(second);
        if (second <= _newestSecond - capacitySeconds || double.IsNaN(frame.FrequencyHz) || frame.FrequencyHz <= 0)
            return;
        var slot = (int)(second % capacitySeconds);
        _sums[slot] += SpeakerVoice.Semitones(frame.FrequencyHz);
        _counts[slot]++;
    }

    /// <summary>Makes <paramref name="second"/> the newest second (so a silent speaker's contour moves on too).</summary>
    public void Advance(long second)
    {
        while (_newestSecond < second)
        {
            _newestSecond++;
            var slot = (int)(_newestSecond % capacitySeconds);
            _sums[slot] = 0;
            _counts[slot] = 0;
        }
    }

    /// <summary>The contour's value at each of the <paramref name="length"/> whole seconds ending with <paramref name="lastSecond"/>.</summary>
    public double[] Window(long lastSecond, int length)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++)
            values[i] = Level(lastSecond - length + 1 + i);
        return values;
    }

    private double Level(long second)
    {
        double sum = 0;
        var count = 0;
        for (var s = second - frameSeconds + 1; s <= second; s++)
        {
            if (s < 0 || s > _newestSecond || s <= _newestSecond - capacitySeconds)
                continue;
            var slot = (int)(s % capacitySeconds);
            sum += _sums[slot];
            count += _counts[slot];
        }

        return count >= MinimumVoicedFrames ? sum / count : double.NaN;
    }
}
