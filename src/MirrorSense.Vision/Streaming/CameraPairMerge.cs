using MirrorSense.Core;

namespace MirrorSense.Vision.Streaming;

/// <summary>
/// One camera per person: the two cameras' skeletons as one stream in media-time order, as a single camera would give
/// them (a frame whose time both cameras share carries both people). A frame waits until the other camera has caught
/// up to its time, has ended, or has fallen <paramref name="patience"/> behind; a frame that comes after later ones
/// have left (from a camera that stalled that long) cannot keep the order and is let go.
/// </summary>
internal sealed class CameraPairMerge(TimeSpan patience) : QueuedPairing<PoseFrame, PoseFrame>
{
    private readonly MediaTime?[] _newest = [null, null];
    private MediaTime? _lastReleased;

    public override void Add(int camera, PoseFrame frame, List<PoseFrame> released)
    {
        if (_lastReleased is { } last && frame.Time <= last)
            return;

        _newest[camera] = frame.Time;
        base.Add(camera, frame, released);
    }

    protected override void Release(List<PoseFrame> released)
    {
        while (true)
        {
            var (first, second) = (Next(0), Next(1));
            if (first is not null && second is not null)
            {
                if (first.Time == second.Time)
                {
                    Take(0);
                    Take(1);
                    Emit(new PoseFrame(first.Time, [.. first.People, .. second.People]), released);
                }
                else
                {
                    Emit(Take(first.Time < second.Time ? 0 : 1), released);
                }
            }
            else if (first is not null && MayLeaveAlone(0, first.Time))
            {
                Emit(Take(0), released);
            }
            else if (second is not null && MayLeaveAlone(1, second.Time))
            {
                Emit(Take(1), released);
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>With nothing waiting from the other camera, a frame leaves once that camera has ended or has stalled.</summary>
    private bool MayLeaveAlone(int camera, MediaTime time) =>
        HasEnded(1 - camera) || (_newest[camera] is { } own && own - time >= patience);

    private void Emit(PoseFrame frame, List<PoseFrame> released)
    {
        _lastReleased = frame.Time;
        released.Add(frame);
    }
}
