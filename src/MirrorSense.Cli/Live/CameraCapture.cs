using System.Reactive.Concurrency;
using System.Reactive.Linq;
using MirrorSense.Capture;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Vision;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Motion;
using MirrorSense.Vision.Streaming;
using OpenCvSharp;

namespace MirrorSense.Cli.Live;

/// <summary>A camera to capture, and whom it shows.</summary>
/// <param name="Device">An index, a device path, a video file or pipe, or a part of the screen (screen:…).</param>
/// <param name="Shows">The one participant this camera shows (--camera-a, --camera-b); null when it shows both.</param>
internal sealed record CameraInput(string Device, Participant? Shows)
{
    /// <summary>The device as the page lists it under cameras.</summary>
    public string Label => Shows is { } who ? $"'{Device}' ({who})" : $"'{Device}'";

    /// <summary>Opens the device: a part of the screen (screen:…) through ffmpeg, anything else through OpenCV.</summary>
    public IVideoSource Open() =>
        ScreenTarget.Names(Device) ? new ScreenSource(ScreenTarget.Parse(Device)) : new CameraSource(new CameraSettings(Device));

    /// <summary>The pose stage for this camera: one person, always the same participant, when it shows one.</summary>
    public PoseOptions PoseFor(PoseOptions pose) => Shows is { } who ? pose with { MaxPeople = 1, Only = who } : pose;
}

/// <summary>
/// One live camera, showing both people or one of them, through the pose stage paced live (newest frame wins, drops
/// counted) and on into body features on the grid. On the capture thread each frame is put on the session clock,
/// offered to the page's picture, and handed to the raw-media writer when one is asked for; the pose stage measures
/// its pixel motion and, when asked, the faces (after the body, and put off while a newer frame waits). A camera that
/// is unplugged or whose stream ends completes the streams and says so in <see cref="Problem"/>; the voices (and the
/// other camera) go on without it.
/// </summary>
internal sealed class CameraCapture
{
    private readonly CameraInput _input;
    private readonly IVideoSource _source;
    private readonly PoseOptions _pose;
    private readonly bool _faces;
    private readonly SessionClock _clock;
    private readonly DeviceClock _deviceClock;
    private readonly Action<Participant?, Mat, MediaTime>? _raw;
    private readonly Action<Mat, MediaTime>? _preview;
    private long _captured;
    private long _dropped;
    private long _facesPutOff;

    /// <param name="faces">Whether the face stage runs on this camera's frames (the features then include <see cref="FaceFeatures.Names"/>).</param>
    public CameraCapture(CameraInput input, IVideoSource source, PoseOptions pose, bool faces, SessionClock clock, Action<Participant?, Mat, MediaTime>? raw, Action<Mat, MediaTime>? preview)
    {
        _input = input;
        _source = source;
        _pose = input.PoseFor(pose);
        _faces = faces;
        _clock = clock;
        _deviceClock = clock.Register(TimeSpan.Zero);
        _raw = raw;
        _preview = preview;
    }

    /// <summary>The participant this camera shows; null when it shows both.</summary>
    public Participant? Shows => _input.Shows;

    public string Label => _input.Label;

    public long FramesCaptured => Interlocked.Read(ref _captured);

    public long FramesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Frames whose faces were carried from an earlier frame because a newer frame was waiting for the body.</summary>
    public long FacesPutOff => Interlocked.Read(ref _facesPutOff);

    public bool Live { get; private set; }

    /// <summary>Where the camera's first frame (device time 0) lies on the session clock, once it has delivered.</summary>
    public TimeSpan? SessionOffset => _deviceClock.Started ? _deviceClock.Offset : null;

    public string? Problem { get; private set; }

    /// <summary>Wall-clock delay from a frame's capture to its skeletons, for the page.</summary>
    public double PoseLatencyMs { get; private set; } = double.NaN;

    /// <summary>
    /// The live body grid: each point leaves with the first frame after it (latency of one frame, not of a gap), and
    /// gaps up to half a second are bridged, because under load the pose stage estimates only a few frames a second
    /// (the rest are dropped, newest wins) and a reading needs most of its window.
    /// </summary>
    public static FeatureGridOptions LiveGrid { get; } = new(MaximumGapSeconds: 0.5, Origin: MediaTime.Zero) { ReleaseAtNextFrame = true };

    /// <summary>The features of each body sample: the landmarks', pixel motion and, with faces, the face features.</summary>
    public static PoseFrameFeatures SampleFeatures(bool faces) => new(PixelMotion: true, Faces: faces);

    /// <summary>Skeletons as they are estimated (hot once subscribed: subscribe once and share).</summary>
    public IObservable<PoseFrame> Poses(IScheduler poseScheduler)
    {
        return _source.Frames(NewThreadScheduler.Default)
            .Do(_ => Live = true)
            .OnSessionClock(_deviceClock)
            .Do(frame =>
            {
                Interlocked.Increment(ref _captured);
                _raw?.Invoke(_input.Shows, frame.Value, frame.Time);
                _preview?.Invoke(frame.Value, frame.Time);
            })
            .EstimatePoses(_pose, PoseFlow.Live, poseScheduler, Measures())
            .Do(update =>
            {
                Interlocked.Exchange(ref _dropped, update.Statistics.FramesDropped);
                Interlocked.Exchange(ref _facesPutOff, update.Faces?.PutOff ?? 0);
                PoseLatencyMs = (DateTimeOffset.UtcNow - _clock.WallClockOf(update.Time)).TotalMilliseconds;
            })
            .Select(update => update.Poses)
            .Catch<PoseFrame, VideoSourceException>(error =>
            {
                Problem = error.Message;
                return Observable.Empty<PoseFrame>();
            })
            .Finally(() =>
            {
                Live = false;
                Problem ??= "the camera stream ended";
            });
    }

    private PictureMeasures Measures() =>
        _faces ? PictureMeasures.PixelMotionOnly with { Faces = () => new FaceStage(_pose.ModelFolder) } : PictureMeasures.PixelMotionOnly;

    /// <summary>The features of each estimated frame (hot once subscribed: the face features keep each person's smile baseline, so subscribe once and share).</summary>
    public IObservable<FeatureFrame> Features(IObservable<PoseFrame> poses) => poses.ExtractFeatures(SampleFeatures(_faces));

    /// <summary>Features on the grid from media time zero.</summary>
    public static IObservable<FeatureSample> OnGrid(IObservable<FeatureFrame> features) => features.ResampleToGrid(LiveGrid);
}
