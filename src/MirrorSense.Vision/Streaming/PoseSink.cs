using System.Reactive.Disposables;
using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Streaming;

/// <summary>
/// What the two flows share: one subscription's work on pictures (estimator and measures), its upstream subscription,
/// and the rule that the work (and any buffer) is released only when the subscription is disposed and no thread still
/// uses it (a subscriber may dispose while a frame is being estimated on another thread).
/// </summary>
internal abstract class PoseSink(PictureWork work, IObserver<PoseUpdate> observer) : IObserver<Stamped<Mat>>, IDisposable
{
    protected readonly Lock Gate = new();
    private readonly SingleAssignmentDisposable upstream = new();
    private PoseFrame? newest;
    private int users;
    private bool disposed;

    public void Run(IObservable<Stamped<Mat>> frames) => upstream.Disposable = frames.Subscribe(this);

    public abstract void OnNext(Stamped<Mat> value);

    public abstract void OnError(Exception error);

    public abstract void OnCompleted();

    /// <summary>Under <see cref="Gate"/>: the subscription was disposed.</summary>
    protected bool DisposedLocked => disposed;

    /// <summary>Claims the resources for the calling thread; false once disposed. Pair with <see cref="Leave"/>.</summary>
    protected bool Enter()
    {
        lock (Gate)
        {
            if (disposed)
                return false;
            users++;
            return true;
        }
    }

    /// <summary>Under <see cref="Gate"/>: one more claim, for work handed to another thread.</summary>
    protected void EnterLocked() => users++;

    protected void Leave()
    {
        bool release;
        lock (Gate)
        {
            users--;
            release = disposed && users == 0;
        }

        if (release)
            Release();
    }

    /// <summary>The newest poses estimated so far (any thread may read them); null before the first.</summary>
    protected PoseFrame? Newest => Volatile.Read(ref newest);

    /// <summary>This subscription's estimator and measures.</summary>
    protected PictureWork Work => work;

    /// <summary>
    /// Estimates one frame and passes the poses on with the statistics; false after passing on the failure of the
    /// estimator or a measure. <paramref name="arrived"/>: the frame's pixel motion when it was measured on arrival.
    /// </summary>
    protected bool Estimate(Mat frame, MediaTime time, long dropped, PixelMotionFrame? arrived = null)
    {
        PoseUpdate update;
        try
        {
            update = work.Estimate(frame, time, dropped, arrived, () => PutOffFaces);
            Volatile.Write(ref newest, update.Poses);
        }
        catch (Exception error)
        {
            observer.OnError(error);
            return false;
        }

        observer.OnNext(update);
        return true;
    }

    /// <summary>Whether the faces of the frame whose body was just estimated are put off for a waiting frame (offline: never).</summary>
    protected virtual bool PutOffFaces => false;

    protected IObserver<PoseUpdate> Observer => observer;

    /// <summary>Frees what the sink owns; called once, when disposed and unused.</summary>
    protected virtual void Release() => work.Dispose();

    public void Dispose()
    {
        upstream.Dispose();
        bool release;
        lock (Gate)
        {
            if (disposed)
                return;
            disposed = true;
            release = users == 0;
        }

        if (release)
            Release();
    }
}
