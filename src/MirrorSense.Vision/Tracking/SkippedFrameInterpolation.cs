using MirrorSense.Core;

namespace MirrorSense.Vision.Tracking;

/// <summary>
/// Fills the frames a landmark model skipped (<see cref="PoseOptions.LandmarkEvery"/>): each waits for the next measured
/// frame and is then placed between the two measured frames around it by media time. Skipped frames after the last
/// measured one leave as they came. Frames leave in order and exactly once, each at most n − 1 frames late.
/// </summary>
public abstract class SkippedFrameInterpolation<TFrame>
    where TFrame : class
{
    private readonly List<TFrame> skipped = [];
    private TFrame? before;

    /// <summary>The frames that can be given out now <paramref name="frame"/> has arrived, in media-time order.</summary>
    public IReadOnlyList<TFrame> Add(TFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!IsMeasured(frame))
        {
            if (before is null)
                return [frame];   // nothing measured yet to start from: the frame is what the model's stage said
            skipped.Add(frame);
            return [];
        }

        var ready = new List<TFrame>(skipped.Count + 1);
        foreach (var between in skipped)
            ready.Add(Between(before!, frame, between));
        ready.Add(frame);
        skipped.Clear();
        before = frame;
        return ready;
    }

    /// <summary>The skipped frames still waiting at the end of the stream, as they came.</summary>
    public IReadOnlyList<TFrame> Complete()
    {
        var rest = skipped.ToList();
        skipped.Clear();
        return rest;
    }

    protected abstract bool IsMeasured(TFrame frame);

    /// <summary><paramref name="skippedFrame"/> placed between the measured frames <paramref name="first"/> and <paramref name="second"/>.</summary>
    protected abstract TFrame Between(TFrame first, TFrame second, TFrame skippedFrame);

    /// <summary>How far <paramref name="time"/> lies from <paramref name="first"/> (0) to <paramref name="second"/> (1).</summary>
    protected static float Fraction(MediaTime first, MediaTime second, MediaTime time)
    {
        var span = (double)(second.Microseconds - first.Microseconds);
        return span > 0 ? (float)((time.Microseconds - first.Microseconds) / span) : 0f;
    }

    protected static float Lerp(float a, float b, float w) => a + w * (b - a);
}
