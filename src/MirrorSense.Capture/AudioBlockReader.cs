using System.Runtime.ExceptionServices;
using MirrorSense.Core;

namespace MirrorSense.Capture;

/// <summary>
/// Cuts a source into <see cref="AudioBlock"/>s of a fixed duration, each stamped with the media time of its first
/// sample computed from the number of frames delivered before it (start + n / rate), so time never drifts with
/// block sizes or reading speed. The last block may be shorter. End of stream ends the sequence; a fault of the
/// source surfaces as its <see cref="AudioSourceException"/> after every block read before it.
/// </summary>
public static class AudioBlockReader
{
    public static IEnumerable<AudioBlock> ReadBlocks(this IAudioSource source, TimeSpan blockDuration, MediaTime start = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var format = source.Format;
        var framesPerBlock = Math.Max(1, (int)Math.Round(blockDuration.TotalSeconds * format.SampleRate));
        return Iterate(source, format, framesPerBlock, start);
    }

    private static IEnumerable<AudioBlock> Iterate(IAudioSource source, AudioFormat format, int framesPerBlock, MediaTime start)
    {
        var delivered = 0L;
        while (true)
        {
            var block = new float[framesPerBlock * format.Channels];
            var filled = 0;
            AudioSourceException? fault = null;
            // Sources may return less than asked (a pipe, a device period); a block is full or the stream's last.
            while (filled < block.Length)
            {
                int count;
                try
                {
                    count = source.Read(block.AsSpan(filled));
                }
                catch (AudioSourceException error)
                {
                    fault = error;
                    break;
                }
                if (count == 0)
                    break;
                filled += count;
            }
            if (filled == 0)
            {
                if (fault is not null)
                    ExceptionDispatchInfo.Throw(fault);
                yield break;
            }
            var time = new MediaTime(start.Microseconds + (long)Math.Round(delivered * (double)MediaTime.MicrosecondsPerSecond / format.SampleRate, MidpointRounding.AwayFromZero));
            yield return new AudioBlock(time, format, block.AsMemory(0, filled));
            delivered += filled / format.Channels;
            // What was read before a fault is delivered first; then the fault ends the stream.
            if (fault is not null)
                ExceptionDispatchInfo.Throw(fault);
            if (filled < block.Length)
                yield break;
        }
    }
}
