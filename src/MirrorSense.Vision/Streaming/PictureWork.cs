using MirrorSense.Core;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Motion;
using OpenCvSharp;

namespace MirrorSense.Vision.Streaming;

/// <summary>
/// One subscription's work on pictures: its pose estimator and the <see cref="PictureMeasures"/> opened for it, released
/// together. <see cref="Estimate"/> runs on one thread at a time (the sinks see to that); live, <see cref="MeasureOnArrival"/>
/// runs meanwhile on the source's thread, and then <see cref="Estimate"/> is always handed the pixel motion, so the two
/// never share the pixel measure.
/// </summary>
internal sealed class PictureWork : IDisposable
{
    private readonly IPoseEstimator estimator;
    private readonly PixelMotionEnergy? pixelMotion;
    private readonly FaceStage? faces;
    private readonly Action<Mat, PoseFrame>? viewer;

    private PictureWork(IPoseEstimator estimator, PixelMotionEnergy? pixelMotion, FaceStage? faces, Action<Mat, PoseFrame>? viewer)
    {
        this.estimator = estimator;
        this.pixelMotion = pixelMotion;
        this.faces = faces;
        this.viewer = viewer;
    }

    /// <summary>Opens the estimator and the measures; what was opened is released again when a later part fails to open.</summary>
    public static PictureWork Open(Func<IPoseEstimator> open, PictureMeasures? measures)
    {
        var estimator = open();
        FaceStage? faces = null;
        try
        {
            faces = measures?.Faces?.Invoke();
            var pixelMotion = measures?.PixelMotion is { } options ? new PixelMotionEnergy(options) : null;
            return new PictureWork(estimator, pixelMotion, faces, measures?.Viewer);
        }
        catch
        {
            faces?.Dispose();
            estimator.Dispose();
            throw;
        }
    }

    /// <summary>Pixel motion of a picture as it arrives, in the regions of <paramref name="newest"/> (the half-frames before any).</summary>
    public PixelMotionFrame? MeasureOnArrival(Stamped<Mat> picture, PoseFrame? newest) => (pixelMotion, newest) switch
    {
        (null, _) => null,
        ({ } motion, null) => motion.Measure(picture.Value, picture.Time),
        ({ } motion, { } known) => motion.Measure(picture.Value, known with { Time = picture.Time }),
    };

    /// <summary>
    /// The poses of one picture with what the measures find on it. Pixel motion is <paramref name="arrived"/> when it was
    /// measured as the picture arrived, else measured here with the picture's own skeletons. Whether the faces are put
    /// off for the body is asked of <paramref name="putOffFaces"/> once the body is done.
    /// </summary>
    public PoseUpdate Estimate(Mat picture, MediaTime time, long dropped, PixelMotionFrame? arrived, Func<bool> putOffFaces)
    {
        var poses = estimator.Process(picture, time);
        if (pixelMotion is not null)
            poses = poses with { Motion = arrived ?? pixelMotion.Measure(picture, poses) };
        if (faces is not null)
            poses = poses with { Faces = putOffFaces() ? faces.PutOff(picture, poses) : faces.Estimate(picture, poses) };
        viewer?.Invoke(picture, poses);
        return new PoseUpdate(poses, estimator.Statistics with { FramesDropped = dropped }) { Faces = faces?.Statistics };
    }

    public void Dispose()
    {
        estimator.Dispose();
        pixelMotion?.Dispose();
        faces?.Dispose();
    }
}
