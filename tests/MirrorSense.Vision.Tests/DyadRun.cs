using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests;

/// <summary>Reads a video file with OpenCV and runs every frame through a pose estimator, timed by the container.</summary>
public static class DyadRun
{
    public static List<PoseFrame> Run(string video, PoseOptions options)
    {
        using var capture = new VideoCapture(video, VideoCaptureAPIs.FFMPEG);
        Assert.True(capture.IsOpened(), $"OpenCV cannot open {video}");
        using var estimator = new PoseEstimator(options);
        using var frame = new Mat();
        var frames = new List<PoseFrame>();
        while (capture.Read(frame) && !frame.Empty())
        {
            var time = MediaTime.FromSeconds(capture.Get(VideoCaptureProperties.PosMsec) / 1000);
            frames.Add(estimator.Process(frame, time));
        }

        return frames;
    }
}
