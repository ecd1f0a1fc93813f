using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Streaming;

/// <summary><see cref="PoseFlow.Offline"/>: every frame estimated inside <c>OnNext</c>, so the source waits for the estimator.</summary>
internal sealed class OfflinePoseSink(IPoseEstimator estimator, IObserver<PoseUpdate> observer) : PoseSink(estimator, observer)
{
    public override void OnNext(Stamped<Mat> value)
    {
        if (!Enter())
            return;
        try
        {
            Estimate(value.Value, value.Time, dropped: 0);
        }
        finally
        {
            Leave();
        }
    }

    public override void OnError(Exception error) => Observer.OnError(error);

    public override void OnCompleted() => Observer.OnCompleted();
}
