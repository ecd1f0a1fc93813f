using System.Globalization;
using MirrorSense.Core;

namespace MirrorSense.Sessions;

/// <summary>
/// A long table written frame by frame (pose.csv, face.csv): the header at once, then rows, flushed whenever a second of
/// media time has passed since the last flush, so a crash loses at most about a second of rows without a flush per frame.
/// </summary>
internal sealed class MediaFlushedTable(TextWriter writer, string header) : IDisposable
{
    private readonly TextWriter _writer = Start(writer, header);
    private double _lastFlush = double.NegativeInfinity;

    /// <summary>One frame's rows: each is the frame's time (seconds, microsecond-exact) followed by a row's other cells.</summary>
    public void Frame(MediaTime time, IEnumerable<string> cellsAfterTime)
    {
        ArgumentNullException.ThrowIfNull(cellsAfterTime);
        var seconds = time.Seconds.ToString("0.000000", CultureInfo.InvariantCulture);
        foreach (var cells in cellsAfterTime)
        {
            _writer.Write(seconds);
            _writer.Write(',');
            _writer.Write(cells);
            _writer.Write('\n');
        }

        if (time.Seconds - _lastFlush < 1)
            return;
        _writer.Flush();
        _lastFlush = time.Seconds;
    }

    public void Dispose()
    {
        _writer.Flush();
        _writer.Dispose();
    }

    private static TextWriter Start(TextWriter writer, string header)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(header + "\n");
        return writer;
    }
}
