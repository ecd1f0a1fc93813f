using MirrorSense.Core;
using MirrorSense.Dashboard;
using MirrorSense.Vision.Imaging;
using OpenCvSharp;

namespace MirrorSense.Cli.Live;

/// <summary>
/// The picture the page shows and the skeletons drawn on it. One camera: its frames as they are. Two cameras (one
/// person each): a <see cref="SideBySidePicture"/>, and each pose event carrying both people (the newest of each
/// camera) so the page draws them together. Frames come on the cameras' threads; a picture is encoded no more than
/// <see cref="Every"/>, because the page needs no more and encoding every frame would cost the pose stage.
/// </summary>
internal sealed class LivePreview(int cameras, Action<VideoFrame> show) : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1.0 / 12);

    /// <summary>Height of the side-by-side picture: ample for the page, cheap to scale and encode.</summary>
    private const int PairHeight = 360;

    private readonly Lock _gate = new();
    private readonly SideBySidePicture _pair = new(PairHeight);
    private readonly Mat _picture = new();
    private readonly IReadOnlyList<PersonPose>[] _people = [[], []];
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

            _pair.Put(slot, frame);
            if (!due)
                return;
            _pair.Compose(_picture);
            Show(_picture, time);
        }
    }

    /// <summary>Skeletons of camera <paramref name="slot"/> for the page, in the picture's coordinates.</summary>
    public PoseFrame Place(int slot, PoseFrame frame)
    {
        if (cameras == 1)
            return frame;
        lock (_gate)
        {
            _people[slot] = [.. frame.People.Select(p => _pair.Place(slot, p))];
            return new PoseFrame(frame.Time, [.. _people.SelectMany(p => p)]);
        }
    }

    public void Dispose()
    {
        _pair.Dispose();
        _picture.Dispose();
    }

    private void Show(Mat picture, MediaTime time)
    {
        _lastShown = time;
        show(new VideoFrame(time, picture.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 70))));
    }
}
