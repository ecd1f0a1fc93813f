using MirrorSense.Core;
using MirrorSense.Dashboard;
using OpenCvSharp;

namespace MirrorSense.Cli.Live;

/// <summary>
/// The picture the page shows and the skeletons placed on it. One camera: its frames as they are. Two cameras (one
/// person each): side by side at one height, A left and B right, each skeleton moved and scaled onto its half, and
/// each pose event carrying both people (the newest of each camera) so the page draws them together. Frames come on
/// the cameras' threads; a picture is encoded no more than <see cref="Every"/>, because the page needs no more and
/// encoding every frame would cost the pose stage.
/// </summary>
internal sealed class LivePreview(int cameras, Action<VideoFrame> show) : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1.0 / 12);

    /// <summary>Height of the side-by-side picture: ample for the page, cheap to scale and encode.</summary>
    private const int PairHeight = 360;

    private readonly Lock _gate = new();
    private readonly Slot[] _slots = [.. Enumerable.Range(0, cameras).Select(_ => new Slot())];
    private readonly Mat _pair = new();
    private MediaTime? _lastShown;

    /// <summary>A captured frame of camera <paramref name="slot"/> (0 for A or the shared camera, 1 for B).</summary>
    public void Offer(int slot, Mat frame, MediaTime time)
    {
        lock (_gate)
        {
            var due = _lastShown is not { } last || time - last >= Every;
            if (cameras == 1)
            {
                if (due)
                    Show(frame, time);
                return;
            }

            var target = _slots[slot];
            target.Scale = (double)PairHeight / frame.Height;
            Cv2.Resize(frame, target.Picture, new Size((int)Math.Round(frame.Width * target.Scale), PairHeight), interpolation: InterpolationFlags.Area);
            if (!due)
                return;
            // A camera that has not delivered yet leaves its half black, the size of the other; one that has ended, its last picture.
            var width = _slots.Max(s => s.Picture.Empty() ? 0 : s.Picture.Width);
            var halves = _slots.Select(s => s.Picture.Empty() ? new Mat(PairHeight, width, MatType.CV_8UC3, Scalar.Black) : s.Picture).ToArray();
            Cv2.HConcat(halves, _pair);
            foreach (var black in halves.Where(h => !_slots.Any(s => ReferenceEquals(s.Picture, h))))
                black.Dispose();
            Show(_pair, time);
        }
    }

    /// <summary>Skeletons of camera <paramref name="slot"/> for the page, in the picture's coordinates.</summary>
    public PoseFrame Place(int slot, PoseFrame frame)
    {
        if (cameras == 1)
            return frame;
        lock (_gate)
        {
            var target = _slots[slot];
            var offset = slot == 0 ? 0 : _slots[0].Picture.Empty() ? _slots[1].Picture.Width : _slots[0].Picture.Width;
            target.People = [.. frame.People.Select(p => p with { Landmarks = [.. p.Landmarks.Select(l => Moved(l, target.Scale, offset))] })];
            return new PoseFrame(frame.Time, [.. _slots.SelectMany(s => s.People)]);
        }
    }

    public void Dispose()
    {
        foreach (var slot in _slots)
            slot.Picture.Dispose();
        _pair.Dispose();
    }

    private void Show(Mat picture, MediaTime time)
    {
        _lastShown = time;
        show(new VideoFrame(time, picture.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 70))));
    }

    private static PoseLandmark Moved(PoseLandmark landmark, double scale, int offset) =>
        landmark with { X = (float)((landmark.X * scale) + offset), Y = (float)(landmark.Y * scale), Z = (float)(landmark.Z * scale) };

    private sealed class Slot
    {
        public Mat Picture { get; } = new();

        public double Scale { get; set; } = 1;

        public IReadOnlyList<PersonPose> People { get; set; } = [];
    }
}
