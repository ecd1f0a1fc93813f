using MirrorSense.Core;
using System.Globalization;

namespace MirrorSense.Sessions.Pose;

/// <summary>
/// The long pose table: one row per frame, person and landmark,
/// <c>time_s,participant,landmark,x,y,z,visibility</c> (x, y in pixels of the input frame, y down).
/// Frames without people add no rows. Flushed every second of media so a crash loses little.
/// </summary>
public sealed class PoseCsvWriter : IDisposable
{
    public const string Header = "time_s,participant,landmark,x,y,z,visibility";

    private readonly TextWriter writer;
    private double lastFlush = double.NegativeInfinity;

    public PoseCsvWriter(TextWriter writer)
    {
        this.writer = writer;
        writer.Write(Header + "\n");
    }

    public void Write(PoseFrame frame)
    {
        var time = frame.Time.Seconds.ToString("0.000000", CultureInfo.InvariantCulture);
        foreach (var person in frame.People)
        {
            for (var i = 0; i < person.Landmarks.Count; i++)
            {
                var l = person.Landmarks[i];
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{time},{person.Participant},{Skeleton.Names[i]},{l.X:0.00},{l.Y:0.00},{l.Z:0.00},{l.Visibility:0.0000}\n"));
            }
        }

        if (frame.Time.Seconds - lastFlush >= 1)
        {
            writer.Flush();
            lastFlush = frame.Time.Seconds;
        }
    }

    public void Dispose()
    {
        writer.Flush();
        writer.Dispose();
    }
}
