using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests.Streaming;

/// <summary>
/// An estimator step for flow tests that need no model: it finds no one, remembers the time and the top-left
/// pixel of each frame it is given and the thread it ran on, and can be made to fail on a given frame.
/// </summary>
internal sealed class CountingEstimator(int failOnFrame = -1) : IPoseEstimator
{
    public List<(MediaTime Time, byte Marker, int Thread)> Seen { get; } = [];

    public bool Disposed { get; private set; }

    public PoseStatistics Statistics => new(Seen.Count, 0, 0, 0, 0);

    public PoseFrame Process(Mat frame, MediaTime time)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (Seen.Count == failOnFrame)
            throw new InvalidOperationException($"estimator failed at {time}");
        Seen.Add((time, frame.At<Vec3b>(0, 0).Item0, Environment.CurrentManagedThreadId));
        return new PoseFrame(time, []);
    }

    public void Dispose() => Disposed = true;

    /// <summary>A small BGR frame whose top-left pixel carries <paramref name="marker"/>, so a test can tell which frame an estimator saw.</summary>
    public static Mat Frame(byte marker) => new(8, 8, MatType.CV_8UC3, new Scalar(marker, 0, 0));
}

/// <summary>Holds an estimator at the start of each frame until the test lets it go, to stand for slow inference.</summary>
internal sealed class GatedEstimator(IPoseEstimator inner) : IPoseEstimator
{
    private readonly SemaphoreSlim started = new(0);
    private readonly ManualResetEventSlim open = new(false);

    public PoseStatistics Statistics => inner.Statistics;

    public PoseFrame Process(Mat frame, MediaTime time)
    {
        started.Release();
        Assert.True(open.Wait(TimeSpan.FromSeconds(30)), "the test never opened the gate");
        return inner.Process(frame, time);
    }

    /// <summary>Waits until a frame has entered the estimator.</summary>
    public void WaitUntilBusy() => Assert.True(started.Wait(TimeSpan.FromSeconds(30)), "no frame reached the estimator");

    public void Open() => open.Set();

    public void Dispose()
    {
        // The stage under test releases its estimator itself, possibly on its own thread while the test does too.
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        inner.Dispose();
        started.Dispose();
        open.Dispose();
    }

    private int disposed;
}

/// <summary>
/// Runs an action while each of the first <paramref name="times"/> frames is estimated, to stand for a camera frame
/// arriving meanwhile (the action is given how many arrived before).
/// </summary>
internal sealed class ArrivingDuringEstimate(IPoseEstimator inner, Action<int> arrive, int times = 1) : IPoseEstimator
{
    private int arrived;

    public PoseStatistics Statistics => inner.Statistics;

    public PoseFrame Process(Mat frame, MediaTime time)
    {
        var poses = inner.Process(frame, time);
        var count = Interlocked.Increment(ref arrived) - 1;
        if (count < times)
            arrive(count);
        return poses;
    }

    public void Dispose() => inner.Dispose();
}
