using MirrorSense.Core;

namespace MirrorSense.Vision.Streaming;

/// <summary>
/// One camera per person: the two cameras' skeletons as one stream in media-time order, as a single camera would give
/// them (a frame whose time both cameras share carries both people). A frame waits until the other camera has caught
/// up to its time, has ended, or has fallen <paramref name="patience"/> behind; a frame that comes after later ones
/// have left (from a camera that stalled that long) cannot keep the order and is let go.
/// </summary>
internal sealed class CameraPairMerge(TimeSpan patience) : IPairing<PoseFrame, PoseFrame>
{
    private readonly Queue<PoseFrame>[] _pending = [new(), new()];
    private readonly MediaTime?[] _newest = [null, null];
    private readonly bool[] _ended = [false, false];
    private MediaTime? _lastReleased;

    public void Add(int camera, PoseFrame frame, List<PoseFrame> released)
    {
        if (_lastReleased is { } last && frame.Time <= last)
            return;

        _pending[camera].Enqueue(frame);
        _newest[camera] = frame.Time;
        Release(released);
    }

    public void End(int camera, List<PoseFrame> released)
    {
        _ended[camera] = true;
        Release(released);
    }

    private void Release(List<PoseFrame> released)
    {
        while (true)
        {
            var first = _pending[0].Count > 0 ? _pending[0].Peek() : null;
            var second = _pending[1].Count > 0 ? _pending[1].Peek() : null;
            if (first is not null && second is not null)
            {
                if (first.Time == second.Time)
                {
                    _pending[0].Dequeue();
                    _pending[1].Dequeue();
                    Emit(new PoseFrame(first.Time, [.. first.People, .. second.People]), released);
                }
                else
                {
                    var camera = first.Time < second.Time ? 0 : 1;
                    Emit(_pending[camera].Dequeue(), released);
                }
            }
            else if (first is not null && MayLeaveAlone(0, first.Time))
            {
                Emit(_pending[0].Dequeue(), released);
            }
            else if (second is not null && MayLeaveAlone(1, second.Time))
            {
                Emit(_pending[1].Dequeue(), released);
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>With nothing waiting from the other camera, a frame leaves once that camera has ended or has stalled.</summary>
    private bool MayLeaveAlone(int camera, MediaTime time) =>
        _ended[1 - camera] || (_newest[camera] is { } own && own - time >= patience);

    private void Emit(PoseFrame frame, List<PoseFrame> released)
    {
        _lastReleased = frame.Time;
        released.Add(frame);
    }
}
