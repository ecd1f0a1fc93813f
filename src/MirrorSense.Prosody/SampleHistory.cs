using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>
/// The recent samples of one contiguous mono stream, addressed by absolute sample number from the stream's start.
/// Checks that each block starts where the previous one ended (audio is never dropped, so a gap is an error in
/// the source) and forgets samples that no pending frame needs, so memory stays constant in session length.
/// </summary>
internal sealed class SampleHistory(double sampleRate)
{
    private float[] _buffer = new float[Math.Max(1024, (int)sampleRate)];
    private int _offset;   // index in _buffer of sample FirstRetained
    private int _length;   // number of retained samples

    public double SampleRate { get; } = sampleRate;

    /// <summary>The media time of the start of the stream (its first sample); known after the first block.</summary>
    public MediaTime? Start { get; private set; }

    /// <summary>Absolute number of the oldest retained sample.</summary>
    public long FirstRetained { get; private set; }

    /// <summary>Total number of samples received.</summary>
    public long Received => FirstRetained + _length;

    public void Append(ReadOnlySpan<float> samples, MediaTime firstSampleTime)
    {
        if (Start is null)
        {
            Start = firstSampleTime;
        }
        else
        {
            var expected = Start.Value.Microseconds + Received * MediaTime.MicrosecondsPerSecond / SampleRate;
            var gap = firstSampleTime.Microseconds - expected;
            // Half a sample of tolerance absorbs the rounding of block times to whole microseconds.
            if (Math.Abs(gap) > 0.5 * MediaTime.MicrosecondsPerSecond / SampleRate)
                throw new ArgumentException(
                    $"Audio block at {firstSampleTime} does not continue the stream (expected {MediaTime.FromSeconds(expected / MediaTime.MicrosecondsPerSecond)}); " +
                    "prosody analysis needs contiguous audio.", nameof(firstSampleTime));
        }
        if (_offset + _length + samples.Length > _buffer.Length)
            MakeRoom(samples.Length);
        samples.CopyTo(_buffer.AsSpan(_offset + _length));
        _length += samples.Length;
    }

    /// <summary>Samples [from, from + count) by absolute number; they must be retained.</summary>
    public ReadOnlySpan<float> Slice(long from, int count)
    {
        if (from < FirstRetained || from + count > Received)
            throw new InvalidOperationException($"Samples {from}..{from + count - 1} are not retained (have {FirstRetained}..{Received - 1}).");
        return _buffer.AsSpan(_offset + (int)(from - FirstRetained), count);
    }

    /// <summary>Forgets every sample before absolute number <paramref name="sample"/>.</summary>
    public void DiscardBefore(long sample)
    {
        var drop = (int)Math.Clamp(sample - FirstRetained, 0, _length);
        _offset += drop;
        _length -= drop;
        FirstRetained += drop;
    }

    private void MakeRoom(int extra)
    {
        var needed = _length + extra;
        if (needed > _buffer.Length / 2)
        {
            var bigger = new float[Math.Max(needed * 2, _buffer.Length * 2)];
            _buffer.AsSpan(_offset, _length).CopyTo(bigger);
            _buffer = bigger;
        }
        else
        {
            _buffer.AsSpan(_offset, _length).CopyTo(_buffer);
        }
        _offset = 0;
    }
}
