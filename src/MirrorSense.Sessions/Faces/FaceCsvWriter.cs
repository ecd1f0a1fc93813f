using System.Globalization;
using MirrorSense.Core;

namespace MirrorSense.Sessions.Faces;

/// <summary>
/// <c>face.csv</c>, the long face-mesh table: one row per frame, person with a trusted face and mesh point,
/// <c>time_s,participant,landmark,x,y,z</c> (landmark = the point's index 0–467 in MediaPipe's face mesh; x, y in pixels
/// of the input frame, y down; z depth on the same scale, smaller = nearer the camera). A person without a trusted face in
/// a frame adds no rows, as a frame without people adds none to pose.csv. Flushed every second of media so a crash loses little.
/// </summary>
public sealed class FaceCsvWriter(TextWriter writer) : IDisposable
{
    public const string Header = "time_s,participant,landmark,x,y,z";

    private readonly MediaFlushedTable _table = new(writer, Header);

    public void Write(FaceFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var trusted = frame.Faces.Where(face => face.Mesh is { IsTrusted: true });
        _table.Frame(frame.Time, trusted.SelectMany(face => face.Mesh!.Points.Select((p, index) =>
            string.Create(CultureInfo.InvariantCulture, $"{face.Participant},{index},{p.X:0.00},{p.Y:0.00},{p.Z:0.00}"))));
    }

    public void Dispose() => _table.Dispose();
}
