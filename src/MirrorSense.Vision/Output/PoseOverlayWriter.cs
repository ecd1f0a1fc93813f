using MirrorSense.Core;
using OpenCvSharp;

namespace MirrorSense.Vision.Output;

/// <summary>
/// A copy of the video with each person's skeleton drawn on it (A green, B magenta, labelled at the head), and their
/// face mesh's points when the face stage ran.
/// MJPG for .avi, MPEG-4 Part 2 otherwise (this OpenCV build cannot encode H.264).
/// </summary>
public sealed class PoseOverlayWriter : IDisposable
{
    private static readonly Scalar ColourA = new(80, 220, 60);
    private static readonly Scalar ColourB = new(220, 60, 220);
    private readonly VideoWriter writer;
    private readonly Mat canvas = new();

    public PoseOverlayWriter(string path, int width, int height, double fps)
    {
        var fourCc = Path.GetExtension(path).Equals(".avi", StringComparison.OrdinalIgnoreCase) ? "MJPG" : "mp4v";
        writer = new VideoWriter(path, VideoWriter.FourCC(fourCc), fps > 0 ? fps : 30, new Size(width, height));
        if (!writer.IsOpened())
        {
            writer.Dispose();
            throw new IOException($"Cannot write an overlay video to '{path}'.");
        }
    }

    public void Write(Mat frame, PoseFrame poses, FaceFrame? faces = null)
    {
        frame.CopyTo(canvas);
        foreach (var person in poses.People)
            Draw(canvas, person);
        foreach (var face in faces?.Faces ?? [])
        {
            if (face.Mesh is { IsTrusted: true } mesh)
                Draw(canvas, face.Participant, mesh);
        }

        writer.Write(canvas);
    }

    /// <summary>Each mesh point as one pixel in the person's colour: enough to see the mesh sit on the face without hiding it.</summary>
    public static void Draw(Mat image, Participant participant, FaceMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(mesh);
        var colour = participant == Participant.A ? ColourA : ColourB;
        foreach (var p in mesh.Points)
            image.Circle(new Point((int)Math.Round(p.X), (int)Math.Round(p.Y)), 1, colour, -1);
    }

    public static void Draw(Mat image, PersonPose person)
    {
        var colour = person.Participant == Participant.A ? ColourA : ColourB;
        Point At(int i) => new((int)Math.Round(person[i].X), (int)Math.Round(person[i].Y));
        foreach (var (from, to) in Skeleton.Bones)
        {
            if (person[from].Visibility >= 0.5f && person[to].Visibility >= 0.5f)
                image.Line(At(from), At(to), colour, 2, LineTypes.AntiAlias);
        }

        for (var i = 0; i < Skeleton.LandmarkCount; i++)
        {
            if (person[i].Visibility >= 0.5f)
                image.Circle(At(i), 3, colour, -1, LineTypes.AntiAlias);
        }

        var head = At(Skeleton.Nose);
        image.PutText(person.Participant.ToString(), new Point(head.X - 8, head.Y - 30), HersheyFonts.HersheySimplex, 1, colour, 2);
    }

    public void Dispose()
    {
        writer.Dispose();
        canvas.Dispose();
    }
}
