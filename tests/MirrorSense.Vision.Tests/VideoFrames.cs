using System.Reactive.Linq;
using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests;

/// <summary>A video file as a stream of stamped frames (container times), read with OpenCV on the subscribing thread into one reused buffer.</summary>
public static class VideoFrames
{
    public static IObservable<Stamped<Mat>> Observe(string video) => Observable.Create<Stamped<Mat>>(observer =>
    {
        using var capture = new VideoCapture(video, VideoCaptureAPIs.FFMPEG);
        Assert.True(capture.IsOpened(), $"OpenCV cannot open {video}");
        using var frame = new Mat();
        while (capture.Read(frame) && !frame.Empty())
            observer.OnNext(Stamped.At(MediaTime.FromSeconds(capture.Get(VideoCaptureProperties.PosMsec) / 1000), frame));
        observer.OnCompleted();
        return () => { };
    });
}
