using MirrorSense.Core;
using System.Globalization;

namespace MirrorSense.Sessions.Pose;

/// <summary>
/// The long pose table: one row per frame, person and landmark,
/// <c>time_s,participant,landmark,x,y,z,visibility</c> (x, y in pixels of the input frame, y down; z empty when the
/// source has no depth, as OpenPose's 2-D keypoints). Frames without people add no rows. Flushed every second of media so a crash loses little.
/// </summary>
public sealed class PoseCsvWriter(TextWriter writer) : IDisposable
{
    public const string Header = "time_s,participant,landmark,x,y,z,visibility";

    private readonly MediaFlushedTable table = new(writer, Header);

    public void Write(PoseFrame frame) => table.Frame(frame.Time, frame.People.SelectMany(person => person.Landmarks.Select((l, i) =>
        string.Create(CultureInfo.InvariantCulture, $"{person.Participant},{Skeleton.Names[i]},{l.X:0.00},{l.Y:0.00},{Depth(l.Z)},{l.Visibility:0.0000}"))));

    private static string Depth(float z) => float.IsNaN(z) ? "" : z.ToString("0.00", CultureInfo.InvariantCulture);

    public void Dispose() => table.Dispose();
}
