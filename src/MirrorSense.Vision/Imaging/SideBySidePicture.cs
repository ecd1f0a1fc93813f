using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Imaging;

/// <summary>
/// Two cameras' pictures shown as one, for one camera per person: each scaled to <paramref name="height"/>, camera 0
/// (A's) on the left and camera 1 (B's) on the right; and each camera's skeletons moved onto its half. A camera that
/// has not delivered yet leaves its half black, as wide as the other; one that has ended leaves its last picture.
/// Not thread-safe: one caller at a time.
/// </summary>
public sealed class SideBySidePicture(int height) : IDisposable
{
    private readonly Half[] _halves = [new(), new()];

    /// <summary>The newest frame of camera <paramref name="camera"/> (0 or 1), kept scaled until the next one.</summary>
    public void Put(int camera, Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var half = _halves[camera];
        half.Scale = (double)height / frame.Height;
        Cv2.Resize(frame, half.Picture, new Size((int)Math.Round(frame.Width * half.Scale), height), interpolation: InterpolationFlags.Area);
    }

    /// <summary>The two halves side by side, written into <paramref name="picture"/>.</summary>
    public void Compose(Mat picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var width = _halves.Max(h => h.Picture.Empty() ? 0 : h.Picture.Width);
        using var black = new Mat(height, Math.Max(width, 1), MatType.CV_8UC3, Scalar.Black);
        Cv2.HConcat(_halves.Select(h => h.Picture.Empty() ? black : h.Picture).ToArray(), picture);
    }

    /// <summary>A skeleton of camera <paramref name="camera"/>, in the pixels of the composed picture.</summary>
    public PersonPose Place(int camera, PersonPose person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var half = _halves[camera];
        var offset = camera == 0 ? 0 : LeftWidth;
        return person with
        {
            Landmarks = [.. person.Landmarks.Select(l => l with { X = (float)((l.X * half.Scale) + offset), Y = (float)(l.Y * half.Scale), Z = (float)(l.Z * half.Scale) })],
        };
    }

    public void Dispose()
    {
        foreach (var half in _halves)
            half.Picture.Dispose();
    }

    /// <summary>The left half's width as <see cref="Compose"/> draws it (black as wide as the right while A's camera has not delivered).</summary>
    private int LeftWidth => _halves[0].Picture.Empty() ? _halves[1].Picture.Width : _halves[0].Picture.Width;

    private sealed class Half
    {
        public Mat Picture { get; } = new();

        public double Scale { get; set; } = 1;
    }
}
