using System.Reactive.Concurrency;
using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Streaming;

/// <summary>
/// <see cref="PoseFlow.Live"/>: a latest-only slot in front of the estimator (MediaPipe's flow limiter: one frame
/// in flight, one waiting). Three buffers, allocated once: the source's thread copies each frame into
/// <c>incoming</c> outside the gate, then swaps it with <c>pending</c> under the gate (replacing an unestimated
/// frame counts a drop); the drain on the scheduler swaps <c>pending</c> with <c>working</c> and estimates that.
/// A drain runs while frames are waiting and stops when the slot is empty; the source's end or error is passed on
/// after the waiting frame is estimated. Pixel motion is measured on every frame as it arrives, dropped ones too (it
/// differs each picture from the one before, so skipping pictures would inflate it), in the regions of the newest
/// skeletons estimated by then, and travels with its frame through the slot. The faces (when measured) come second:
/// when a newer frame is waiting once a frame's body is done, that frame's faces are put off (carried, and counted),
/// so faces never make the body drop frames.
/// </summary>
internal sealed class LivePoseSink : PoseSink
{
    private readonly IScheduler scheduler;
    private Mat incoming = new();
    private Mat pending = new();
    private Mat working = new();
    private MediaTime pendingTime;
    private PixelMotionFrame? pendingMotion;
    private bool hasPending;
    private bool running;
    private long dropped;
    private bool ended;
    private Exception? failure;

    public LivePoseSink(PictureWork work, IObserver<PoseUpdate> observer, IScheduler scheduler)
        : base(work, observer) => this.scheduler = scheduler;

    public override void OnNext(Stamped<Mat> value)
    {
        if (!Enter())
            return;
        try
        {
            lock (Gate)
            {
                if (ended)
                    return;
            }

            PixelMotionFrame? motion;
            try
            {
                motion = Work.MeasureOnArrival(value, Newest);
            }
            catch (Exception error) when (error is ArgumentException or InvalidOperationException)
            {
                End(error);
                return;
            }

            value.Value.CopyTo(incoming);
            bool start;
            lock (Gate)
            {
                (incoming, pending) = (pending, incoming);
                if (hasPending)
                    dropped++;
                hasPending = true;
                pendingTime = value.Time;
                pendingMotion = motion;
                start = StartLocked();
            }

            if (start)
                ScheduleDrain();
        }
        finally
        {
            Leave();
        }
    }

    public override void OnError(Exception error) => End(error);

    public override void OnCompleted() => End(null);

    private void End(Exception? error)
    {
        bool start;
        lock (Gate)
        {
            if (ended || DisposedLocked)
                return;
            ended = true;
            failure = error;
            start = StartLocked();
        }

        if (start)
            ScheduleDrain();
    }

    /// <summary>Under the gate: whether a drain must be started (none running), claiming the resources for it.</summary>
    private bool StartLocked()
    {
        if (running)
            return false;
        running = true;
        EnterLocked();
        return true;
    }

    private void ScheduleDrain()
    {
        try
        {
            scheduler.Schedule(Drain);
        }
        catch (Exception error)
        {
            Leave();
            Observer.OnError(error);
        }
    }

    private void Drain()
    {
        try
        {
            while (true)
            {
                MediaTime time;
                PixelMotionFrame? motion;
                long drops;
                lock (Gate)
                {
                    if (DisposedLocked)
                        return;
                    if (!hasPending)
                    {
                        running = false;
                        if (!ended)
                            return;
                        break;
                    }

                    (pending, working) = (working, pending);
                    hasPending = false;
                    time = pendingTime;
                    motion = pendingMotion;
                    drops = dropped;
                }

                if (!Estimate(working, time, drops, motion))
                    return;
            }

            if (failure is null)
                Observer.OnCompleted();
            else
                Observer.OnError(failure);
        }
        finally
        {
            Leave();
        }
    }

    protected override bool PutOffFaces
    {
        get
        {
            lock (Gate)
                return hasPending;
        }
    }

    protected override void Release()
    {
        base.Release();
        incoming.Dispose();
        pending.Dispose();
        working.Dispose();
    }
}
