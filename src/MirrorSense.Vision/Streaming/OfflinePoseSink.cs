using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Streaming;

/// <summary>
/// <see cref="PoseFlow.Offline"/>: every frame estimated inside <c>OnNext</c>, so the source waits for the estimator;
/// pixel motion is measured on the frame's own poses. After a failure the frames that still come are ignored.
/// </summary>
internal sealed class OfflinePoseSink(PictureWork work, IObserver<PoseUpdate> observer) : PoseSink(work, observer)
{
    private bool failed;

    public override void OnNext(Stamped<Mat> value)
    {
        if (failed || !Enter())
            return;
        try
        {
            failed = !Estimate(value.Value, value.Time, dropped: 0);
        }
        finally
        {
            Leave();
        }
    }

    public override void OnError(Exception error)
    {
        if (!failed)
            Observer.OnError(error);
    }

    public override void OnCompleted()
    {
        if (!failed)
            Observer.OnCompleted();
    }
}
