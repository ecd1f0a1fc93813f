using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Motion;

/// <summary>
/// Pixel motion energy per participant (MEASURES.md §2), so results compare with Motion Energy Analysis
/// studies: frame difference in grey levels, thresholded against noise, counted inside each participant's
/// region. The region is the box around the participant's visible landmarks with a margin; without
/// landmarks (nobody detected, or no pose stage) it is the participant's half of the frame, A on the
/// left as the tracker assigns them. Counts are raw pixels, as MEA reports them: the region's size does
/// not dilute them, because the static background it adds never changes.
/// Holds the previous frame, so one instance serves one video; buffers are reused from frame to frame.
/// </summary>
public sealed class PixelMotionEnergy : IDisposable
{
    private readonly PixelMotionOptions _options;
    private readonly Mat _grey = new();
    private readonly Mat _previous = new();
    private readonly Mat _difference = new();
    private readonly Mat _changed = new();
    private MediaTime? _last;

    public PixelMotionEnergy(PixelMotionOptions? options = null)
    {
        _options = options ?? PixelMotionOptions.Default;
        _options.Validate();
    }

    /// <summary>Motion energy of the frame at <paramref name="pose"/>'s media time, with regions from its people.</summary>
    public PixelMotionFrame Measure(Mat frame, PoseFrame pose)
    {
        ArgumentNullException.ThrowIfNull(pose);
        return Measure(frame, pose.Time, pose);
    }

    /// <summary>Motion energy of a frame without landmarks: each participant's half of the frame.</summary>
    public PixelMotionFrame Measure(Mat frame, MediaTime time) => Measure(frame, time, null);

    private PixelMotionFrame Measure(Mat frame, MediaTime time, PoseFrame? pose)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Empty() || frame.Depth() != MatType.CV_8U || frame.Channels() is not (1 or 3 or 4))
            throw new ArgumentException("Pixel motion energy needs an 8-bit grey, BGR or BGRA frame.", nameof(frame));
        if (_last is { } last && time <= last)
            throw new InvalidOperationException($"Frames must come in increasing media time; got {time} after {last}.");
        if (!_previous.Empty() && _previous.Size() != frame.Size())
            throw new ArgumentException($"The frame is {frame.Width}×{frame.Height} but the video's previous frames were {_previous.Width}×{_previous.Height}.", nameof(frame));
        _last = time;

        switch (frame.Channels())
        {
            case 1:
                frame.CopyTo(_grey);
                break;
            case 3:
                Cv2.CvtColor(frame, _grey, ColorConversionCodes.BGR2GRAY);
                break;
            default:
                Cv2.CvtColor(frame, _grey, ColorConversionCodes.BGRA2GRAY);
                break;
        }

        var hasPrevious = !_previous.Empty();
        if (hasPrevious)
        {
            Cv2.Absdiff(_grey, _previous, _difference);
            Cv2.Threshold(_difference, _changed, _options.NoiseThreshold, 255, ThresholdTypes.Binary);
        }

        _grey.CopyTo(_previous);
        return new PixelMotionFrame(time, Sample(Participant.A), Sample(Participant.B));

        PixelMotionSample Sample(Participant participant)
        {
            var (region, fromLandmarks) = RegionOf(participant, frame.Width, frame.Height, pose?.Of(participant));
            var count = !hasPrevious ? double.NaN : region.Area == 0 ? 0 : ChangedIn(region);
            return new PixelMotionSample(time, participant, count, region, fromLandmarks);
        }
    }

    private int ChangedIn(PixelRegion region)
    {
        using var inside = new Mat(_changed, new Rect(region.X, region.Y, region.Width, region.Height));
        return Cv2.CountNonZero(inside);
    }

    /// <summary>The participant's region: the box around their visible landmarks plus the margin, clipped to the frame; else their half.</summary>
    internal (PixelRegion Region, bool FromLandmarks) RegionOf(Participant participant, int width, int height, PersonPose? person)
    {
        double left = double.PositiveInfinity, top = double.PositiveInfinity, right = double.NegativeInfinity, bottom = double.NegativeInfinity;
        if (person is not null)
        {
            foreach (var l in person.Landmarks)
            {
                if (!(l.Visibility >= _options.VisibilityThreshold) || !float.IsFinite(l.X) || !float.IsFinite(l.Y))
                    continue;
                (left, top) = (Math.Min(left, l.X), Math.Min(top, l.Y));
                (right, bottom) = (Math.Max(right, l.X), Math.Max(bottom, l.Y));
            }
        }

        if (right < left)
        {
            var half = width / 2;
            return (participant == Participant.A ? new PixelRegion(0, 0, half, height) : new PixelRegion(half, 0, width - half, height), false);
        }

        var (mx, my) = ((right - left) * _options.Margin, (bottom - top) * _options.Margin);
        var x0 = Math.Clamp((int)Math.Floor(left - mx), 0, width);
        var y0 = Math.Clamp((int)Math.Floor(top - my), 0, height);
        var x1 = Math.Clamp((int)Math.Ceiling(right + mx) + 1, 0, width);
        var y1 = Math.Clamp((int)Math.Ceiling(bottom + my) + 1, 0, height);
        return (new PixelRegion(x0, y0, x1 - x0, y1 - y0), true);
    }

    public void Dispose()
    {
        _grey.Dispose();
        _previous.Dispose();
        _difference.Dispose();
        _changed.Dispose();
    }
}
