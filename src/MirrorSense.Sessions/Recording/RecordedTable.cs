using System.Text;

namespace MirrorSense.Sessions.Recording;

/// <summary>
/// One table file of a recording, open for appending: rows from any thread go in under one lock, and the buffered
/// text reaches the operating system at least every <see cref="SessionRecorder.FlushInterval"/> (on the write that
/// finds the interval passed, and from the recorder's timer when rows stop coming). Once flushed, rows are in the
/// kernel's page cache, so killing the process loses only what came after; only a power cut can lose more.
/// </summary>
/// <typeparam name="TRows">The format's row writer, created over this file's text.</typeparam>
internal sealed class RecordedTable<TRows> : IDisposable
    where TRows : class
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamWriter _text;
    private readonly TRows _rows;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private long _lastFlush;
    private bool _unflushed;
    private bool _closed;
    private IOException? _fault;

    public RecordedTable(string path, TimeProvider clock, Func<TextWriter, TRows> rows)
    {
        Path = path;
        _clock = clock;
        // FileShare.Read: the session can be watched (tail, a spreadsheet) while it records.
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
        _text = new StreamWriter(file, Utf8) { NewLine = "\n" };
        _rows = rows(_text);
        // The header goes to disk at once: a folder killed in its first second still has readable (empty) tables.
        Flush();
    }

    public string Path { get; }

    /// <summary>Writes rows; after the stop they are dropped: producers on other threads may still be finishing a frame.</summary>
    /// <exception cref="IOException">The file cannot be written (also when the timer's flush found that first).</exception>
    public void Append(Action<TRows> write)
    {
        lock (_gate)
        {
            if (_closed)
                return;
            if (_fault is { } fault)
                throw new IOException($"'{Path}' can no longer be written: {fault.Message}", fault);
            write(_rows);
            _unflushed = true;
            if (_clock.GetElapsedTime(_lastFlush) >= SessionRecorder.FlushInterval)
                Flush();
        }
    }

    /// <summary>The timer's flush: only when rows came since the last one. A failure (disk full) is kept for the next write to throw: a timer thread has no one to tell.</summary>
    public void FlushIfDue()
    {
        lock (_gate)
        {
            if (_closed || !_unflushed || _fault is not null)
                return;
            try
            {
                Flush();
            }
            catch (IOException error)
            {
                _fault = error;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed)
                return;
            _closed = true;
            Flush();
            (_rows as IDisposable)?.Dispose();
            _text.Dispose();
        }
    }

    // StreamWriter.Flush empties its own buffer and then the FileStream's into the OS: that is the guarantee. No fsync:
    // it would cost a disk round trip per table per second and only protects against power loss.
    private void Flush()
    {
        _text.Flush();
        _unflushed = false;
        _lastFlush = _clock.GetTimestamp();
    }
}
